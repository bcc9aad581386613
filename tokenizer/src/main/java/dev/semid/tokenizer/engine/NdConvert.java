package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.semid.tokenizer.data.Matrix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/** Copies between {@link Matrix} and NDArrays. */
public final class NdConvert {
    private NdConvert() {}

    public static NDArray toNd(NDManager m, Matrix x, Device device) {
        return m.create(FloatBuffer.wrap(x.data()), new Shape(x.rows(), x.cols())).toDevice(device, false);
    }

    /** Per-thread direct staging buffer: creating from a direct buffer skips DJL's allocate-and-copy (≈10× faster). */
    private static final ThreadLocal<ByteBuffer> STAGING = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));

    /**
     * Rows [from, to) of x through this thread's staging buffer. The array may share the buffer's
     * memory, so it must be closed before this thread stages the next batch (callers use a
     * per-chunk sub-manager).
     */
    public static NDArray stage(NDManager m, Matrix x, int from, int to, Device device) {
        int n = (to - from) * x.cols();
        ByteBuffer bb = STAGING.get();
        if (bb.capacity() < n * 4) {
            bb = ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder());
            STAGING.set(bb);
        }
        bb.clear();
        bb.asFloatBuffer().put(x.data(), from * x.cols(), n);
        bb.limit(n * 4);
        return m.create(bb, new Shape(to - from, x.cols()), DataType.FLOAT32).toDevice(device, false);
    }

    public static NDArray toNd(NDManager m, float[] v, Device device) {
        return m.create(v).toDevice(device, false);
    }

    public static Matrix toMatrix(NDArray a) {
        Shape s = a.getShape();
        return new Matrix((int) s.get(0), (int) s.get(1), a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
    }
}
