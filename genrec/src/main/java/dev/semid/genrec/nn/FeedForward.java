package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** FFN(x) = W_2·dropout(GELU(W_1·x + b_1)) + b_2. */
public final class FeedForward {
    private final Linear in, out;
    private final float dropout;

    public FeedForward(ParamStore p, String name, int dModel, int hidden, float dropout) {
        this.in = new Linear(p, name + ".in", dModel, hidden, true);
        this.out = new Linear(p, name + ".out", hidden, dModel, true);
        this.dropout = dropout;
    }

    public NDArray apply(NDArray x, Mode mode) {
        return out.apply(mode.dropout(Activation.gelu(in.apply(x)), dropout));
    }
}
