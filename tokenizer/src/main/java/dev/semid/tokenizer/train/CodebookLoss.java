package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/** Level l's codebook term: weight · mean_b ||sg(r_l) − c_{l,k_l}||²; its gradient reaches the codebook only. */
public final class CodebookLoss implements LossPart {
    private final int level;
    private final double weight;

    public CodebookLoss(int level, double weight) {
        this.level = level;
        this.weight = weight;
    }

    @Override public String name() { return "codebook@" + (level + 1); }

    @Override public NDArray compute(ForwardPass f) {
        return SquaredError.meanRowSum(f.residuals().get(level).stopGradient(), f.chosen().get(level)).mul((float) weight);
    }
}
