package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/** Level l's commitment term: β · mean_b ||r_l − sg(c_{l,k_l})||²; its gradient reaches the encoder only. */
public final class CommitmentLoss implements LossPart {
    private final int level;
    private final double beta;

    public CommitmentLoss(int level, double beta) {
        this.level = level;
        this.beta = beta;
    }

    @Override public String name() { return "commit@" + (level + 1); }

    @Override public NDArray compute(ForwardPass f) {
        return SquaredError.meanRowSum(f.residuals().get(level), f.chosen().get(level).stopGradient()).mul((float) beta);
    }
}
