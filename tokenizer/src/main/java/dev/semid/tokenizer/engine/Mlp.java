package dev.semid.tokenizer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

import java.util.List;

/** h_{i+1} = ReLU(h_i·W_i + b_i) for hidden layers, no activation after the last: the encoder/decoder form. */
public final class Mlp {
    private Mlp() {}

    /** Each layer is {W (in×out), b (out)}. An empty list is the identity. */
    public static NDArray forward(NDArray x, List<NDArray[]> layers) {
        NDArray h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = h.matMul(layers.get(i)[0]).add(layers.get(i)[1]);
            if (i < layers.size() - 1) h = Activation.relu(h);
        }
        return h;
    }

    /** argmin_k ||r − c_k||² per row, as ||c_k||² − 2 r·c_k (||r||² does not change the argmin). */
    public static NDArray nearest(NDArray r, NDArray codebook, NDArray codebookSquaredNorms) {
        return codebookSquaredNorms.sub(r.matMul(codebook.transpose()).mul(2)).argMin(1);
    }
}
