package dev.semid.tokenizer.rq;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.tokenizer.data.Matrix;

import java.nio.FloatBuffer;

/**
 * One level's codebook C (K×d) on a device, with what the nearest-code search scores against:
 * −2Cᵀ (d×K) and ||c_k||² (K), so that argmin_k ||r − c_k||² = argmin_k (r·(−2c_k) + ||c_k||²).
 *
 * @param codes              C; in training it carries the gradient path to the codebook's parameters
 * @param minusTwoTransposed −2Cᵀ, without gradient
 * @param squaredNorms       ||c_k||², without gradient
 */
public record NdCodebook(NDArray codes, NDArray minusTwoTransposed, NDArray squaredNorms) {

    /**
     * A fixed codebook for inference. −2Cᵀ is made contiguous once: a plain matmul on it is
     * markedly faster than on a transposed view when d is large (RQ-KMeans on raw 384-d embeddings).
     */
    public static NdCodebook of(NDManager m, Matrix c, Device device) {
        NDArray codes = nd(m, c, device);
        return new NdCodebook(codes, nd(m, c.transpose(), device).muli(-2f), codes.square().sum(new int[] {1}));
    }

    /** This training step's codebook: the search sees its values only, so no gradient flows through the argmin. */
    public static NdCodebook training(NDArray codes) {
        NDArray fixed = codes.stopGradient();
        return new NdCodebook(codes, fixed.transpose().mul(-2f), fixed.square().sum(new int[] {1}));
    }

    private static NDArray nd(NDManager m, Matrix x, Device device) {
        return m.create(FloatBuffer.wrap(x.data()), new Shape(x.rows(), x.cols())).toDevice(device, false);
    }
}
