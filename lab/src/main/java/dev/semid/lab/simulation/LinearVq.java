package dev.semid.lab.simulation;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Linear VQ (a shared transform of a frozen codebook, close to GRIT's): codes c_k = W e_k + b
 * with e_k the frozen N(0, 1) initial vectors, W (d × d) and b learned with
 * L = (1/N) Σ_i ||c_{k_i} − sg(z_i)||², SGD momentum 0.9, lr 0.02. W and b start as torch's
 * nn.Linear does, uniform in ±1/sqrt(d). One map moves all codes, so their spread follows the
 * data only as far as an affine image of the initial cloud can.
 */
final class LinearVq implements SimulatedQuantizer {
    static final double LR = 0.02, MOMENTUM = 0.9;

    private final int k, d;
    private final NDManager manager;
    private final NDArray base, weight, bias;
    private final Sgd sgd;
    private float[] mirror;

    LinearVq(float[] init, int k, int d, double lr, long seed) {
        this.k = k;
        this.d = d;
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        base = manager.create(init.clone(), new Shape(k, d));
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double bound = 1 / Math.sqrt(d);
        float[] w = new float[d * d], b = new float[d];
        for (int i = 0; i < w.length; i++) w[i] = (float) ((2 * r.nextDouble() - 1) * bound);
        for (int i = 0; i < d; i++) b[i] = (float) ((2 * r.nextDouble() - 1) * bound);
        weight = manager.create(w, new Shape(d, d)); // out × in, as Linear.linear takes
        bias = manager.create(b, new Shape(d));
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
        sgd = new Sgd(manager, List.of(weight, bias), lr, MOMENTUM);
        mirror = effective();
    }

    @Override public String name() { return "linear"; }

    private float[] effective() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return Linear.linear(base, weight.stopGradient(), bias.stopGradient()).singletonOrThrow().toFloatArray();
        }
    }

    @Override public void step(float[] samples) {
        int n = samples.length / d;
        int[] idx = new int[n];
        NearestSearch.build(mirror, k, d).nearest(samples, n, idx, null);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray z = manager.create(samples, new Shape(n, d));
            NDArray rows = base.get(new NDIndex("{}", manager.create(idx)));
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray chosen = Linear.linear(rows, weight, bias).singletonOrThrow();
                gc.backward(CodebookSgd.commitment(chosen, z));
            }
            sgd.step();
        }
        mirror = effective();
    }

    @Override public float[] codebook() { return mirror.clone(); }

    @Override public void close() { manager.close(); }
}
