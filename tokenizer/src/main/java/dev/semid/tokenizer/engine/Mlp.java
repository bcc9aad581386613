package dev.semid.tokenizer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * h_{i+1} = ReLU(h_i·W_iᵀ + b_i) for hidden layers, no activation after the last: the
 * encoder/decoder form. Weights are stored out×in as in PyTorch so every layer is one fused
 * addmm (Linear.linear) instead of a matmul and a separate bias add.
 */
public final class Mlp {
    private Mlp() {}

    /** Each layer is {W (out×in), b (out)}. An empty list is the identity. */
    public static NDArray forward(NDArray x, List<NDArray[]> layers) {
        NDArray h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = Linear.linear(h, layers.get(i)[0], layers.get(i)[1]).singletonOrThrow();
            if (i < layers.size() - 1) h = Activation.relu(h);
        }
        return h;
    }
}
