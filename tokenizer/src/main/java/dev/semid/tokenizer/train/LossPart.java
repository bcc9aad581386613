package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/**
 * One named, weighted term of the training loss. The total loss is the sum of the parts; each is
 * logged under its name, so additions (a Wasserstein term per level, the GRIT radius surrogate)
 * are new parts, not edits of the loop.
 */
public interface LossPart {
    String name();

    /** A scalar with its gradient path, already weighted. */
    NDArray compute(ForwardPass f);
}
