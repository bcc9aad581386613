package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

import java.util.List;

/** One level's codebook during training: free codes, or GRIT's shared transform of a fixed basis. */
interface TrainableCodebook {
    /** K×d codes for this step, with the gradient path to {@link #parameters()}. */
    NDArray current();

    List<NDArray> parameters();

    /** Makes the codes (approximately, for a transform) equal to {@code codes} (K×d, row-major): k-means init. */
    void assign(float[] codes);

    /** Whether single codes can be reset (dead-code reset); a shared transform cannot. */
    boolean resettable();
}
