package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.tokenizer.data.Matrix;

import java.nio.FloatBuffer;

/** Copies between {@link Matrix} and NDArrays. */
public final class NdConvert {
    private NdConvert() {}

    public static NDArray toNd(NDManager m, Matrix x, Device device) {
        return m.create(FloatBuffer.wrap(x.data()), new Shape(x.rows(), x.cols())).toDevice(device, false);
    }

    /** Rows [from, to) of x without copying them into a temporary Java array. */
    public static NDArray toNd(NDManager m, Matrix x, int from, int to, Device device) {
        FloatBuffer fb = FloatBuffer.wrap(x.data(), from * x.cols(), (to - from) * x.cols()).slice();
        return m.create(fb, new Shape(to - from, x.cols())).toDevice(device, false);
    }

    public static NDArray toNd(NDManager m, float[] v, Device device) {
        return m.create(v).toDevice(device, false);
    }

    public static Matrix toMatrix(NDArray a) {
        Shape s = a.getShape();
        return new Matrix((int) s.get(0), (int) s.get(1), a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
    }
}
