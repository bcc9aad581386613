package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/** mean_b ||a_b − b_b||²: squared error summed over dimensions, averaged over the batch. */
final class SquaredError {
    private SquaredError() {}

    static NDArray meanRowSum(NDArray a, NDArray b) {
        return a.sub(b).square().sum(new int[] {1}).mean();
    }
}
