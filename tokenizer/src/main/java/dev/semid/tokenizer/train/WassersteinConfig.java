package dev.semid.tokenizer.train;

import java.util.Arrays;

/**
 * Wasserstein distributional matching per residual level (arXiv 2506.15078). Quantizer loss per
 * matched level: β·||r − sg(c)||² + α·||sg(r) − c||² + γ·W2(Q_l, C_l). Published defaults
 * α = 1, β = 0.1, γ = 0.5; the codebook learning rate is set separately (RqVaeConfig).
 *
 * @param levels    1-based levels that get the term (others keep plain RQ-VAE terms)
 * @param queueSize N_Q, the FIFO of detached residuals per level (capped at the training-set size)
 * @param ridge     added to both covariances' diagonals; rank-deficient cases (K or the filled
 *                  queue below 2d) get an extra 1e-4
 */
public record WassersteinConfig(double alpha, double beta, double gamma, int[] levels, int queueSize, double ridge) {
    public WassersteinConfig {
        if (!(alpha >= 0)) throw new IllegalArgumentException("wasserstein alpha must be >= 0, got " + alpha);
        if (!(beta >= 0)) throw new IllegalArgumentException("wasserstein beta must be >= 0, got " + beta);
        if (!(gamma >= 0)) throw new IllegalArgumentException("wasserstein gamma must be >= 0, got " + gamma);
        if (queueSize < 2) throw new IllegalArgumentException("wasserstein queue size must be >= 2, got " + queueSize);
        if (!(ridge >= 0)) throw new IllegalArgumentException("wasserstein ridge must be >= 0, got " + ridge);
        levels = levels.clone();
        for (int l : levels) if (l < 1) throw new IllegalArgumentException("wasserstein levels are 1-based, got " + l);
    }

    /** All of the first {@code n} levels, published weights, N_Q = 65,536. */
    public static WassersteinConfig defaults(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i + 1;
        return new WassersteinConfig(1.0, 0.1, 0.5, all, 65_536, 1e-6);
    }

    public boolean appliesTo(int level0) { return Arrays.stream(levels).anyMatch(l -> l == level0 + 1); }

    @Override public boolean equals(Object o) { return o instanceof WassersteinConfig w && w.toString().equals(toString()); }
    @Override public int hashCode() { return toString().hashCode(); }
    @Override public String toString() {
        return "WassersteinConfig[alpha=" + alpha + ", beta=" + beta + ", gamma=" + gamma + ", levels=" + Arrays.toString(levels)
                + ", queueSize=" + queueSize + ", ridge=" + ridge + "]";
    }
}
