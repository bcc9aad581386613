package dev.semid.tokenizer.model;

import dev.semid.tokenizer.data.Matrix;

/** One affine layer y = x·W + b, W stored in×out. */
public record DenseLayer(Matrix weight, float[] bias) {
    public DenseLayer {
        if (bias.length != weight.cols())
            throw new IllegalArgumentException("bias of " + bias.length + " for a layer with " + weight.cols() + " outputs");
    }
    public int in() { return weight.rows(); }
    public int out() { return weight.cols(); }
}
