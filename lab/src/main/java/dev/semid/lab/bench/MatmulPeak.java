package dev.semid.lab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's fp32 ceiling on a device: GFLOP/s of a 2048³ matmul (PyTorch/MKL sgemm), best of
 * 10 after a warm-up. Speed figures are printed beside it so they can be read as a share of it.
 */
public final class MatmulPeak {
    private MatmulPeak() {}

    public static double gflops(Device dev) {
        int n = 2048;
        try (NDManager m = NDManager.newBaseManager(dev, "PyTorch")) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n)), b = m.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).toFloatArray(); // warm-up
            double best = 0;
            for (int i = 0; i < 10; i++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // forces completion on asynchronous devices
                double secs = (System.nanoTime() - t0) / 1e9;
                c.close();
                best = Math.max(best, 2.0 * n * n * n / secs / 1e9);
            }
            return best;
        }
    }
}
