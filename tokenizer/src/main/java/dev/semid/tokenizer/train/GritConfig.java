package dev.semid.tokenizer.train;

import java.util.Arrays;

/**
 * GRIT-VQ options (this project's reading of arXiv 2602.01140's abstract): the radius surrogate
 * replaces the commitment term on the chosen levels, and the integrated codebook transform
 * C = B·W + b (B fixed, data-agnostic N(0, 1/d); W, b shared and trained) replaces free codes.
 * Each part is switchable for ablations.
 *
 * @param radius     the generalized radius g (classic reproduces plain RQ-VAE)
 * @param surrogate  use the radius term instead of β·||r − sg(c)||² (weight 2β so classic matches)
 * @param transform  parameterise every level's codebook as C = B·W + b
 * @param levels     1-based levels that get the GRIT parts
 */
public record GritConfig(RadiusFunction radius, boolean surrogate, boolean transform, int[] levels) {
    public GritConfig {
        levels = levels.clone();
        for (int l : levels) if (l < 1) throw new IllegalArgumentException("grit levels are 1-based, got " + l);
    }

    /** Saturating radius (λ = 1, τ = 1) and the transform on all of the first n levels. */
    public static GritConfig defaults(int n) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i + 1;
        return new GritConfig(new RadiusFunction(RadiusFunction.Kind.SATURATING, 1, 1, 1), true, true, all);
    }

    public boolean appliesTo(int level0) { return Arrays.stream(levels).anyMatch(l -> l == level0 + 1); }

    @Override public boolean equals(Object o) { return o instanceof GritConfig g && g.toString().equals(toString()); }
    @Override public int hashCode() { return toString().hashCode(); }
    @Override public String toString() {
        return "GritConfig[radius=" + radius + ", surrogate=" + surrogate + ", transform=" + transform + ", levels=" + Arrays.toString(levels) + "]";
    }
}
