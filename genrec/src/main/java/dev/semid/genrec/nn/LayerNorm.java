package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** y = γ ⊙ (x − mean) / √(var + 1e−5) + β over the last dimension. */
public final class LayerNorm {
    private final NDArray gain, shift;
    private final Shape shape;

    public LayerNorm(ParamStore p, String name, int dim) {
        this.gain = p.constant(name + ".gain", 1f, dim);
        this.shift = p.constant(name + ".shift", 0f, dim);
        this.shape = new Shape(dim);
    }

    public NDArray apply(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, shape, gain, shift, 1e-5f).singletonOrThrow();
    }
}
