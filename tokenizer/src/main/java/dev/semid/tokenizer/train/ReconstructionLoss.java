package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/** recon = mean over the batch of ||x − x̂||². */
public final class ReconstructionLoss implements LossPart {
    @Override public String name() { return "recon"; }

    @Override public NDArray compute(ForwardPass f) {
        return SquaredError.meanRowSum(f.target(), f.reconstruction());
    }
}
