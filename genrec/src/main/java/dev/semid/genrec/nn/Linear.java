package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;

/** y = x·Wᵀ + b over the last dimension; W is out×in as in PyTorch, initialised U(±1/√in). */
public final class Linear {
    private final NDArray weight, bias;

    public Linear(ParamStore p, String name, int in, int out, boolean withBias) {
        double bound = 1 / Math.sqrt(in);
        this.weight = p.uniform(name + ".weight", bound, true, out, in);
        this.bias = withBias ? p.uniform(name + ".bias", bound, false, out) : null;
    }

    public NDArray apply(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
