package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.norm.Dropout;

/** Training (dropout on) or inference (dropout off), passed down the forward pass. */
public enum Mode {
    TRAIN, INFER;

    /** Inverted dropout: zeroes a share {@code rate} of x and scales the rest by 1/(1 − rate); the identity when inferring. */
    public NDArray dropout(NDArray x, float rate) {
        return this == TRAIN && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }
}
