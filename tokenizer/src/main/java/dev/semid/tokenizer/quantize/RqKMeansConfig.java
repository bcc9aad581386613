package dev.semid.tokenizer.quantize;

/**
 * Residual k-means knobs.
 *
 * @param levels             L
 * @param codes              K per level
 * @param iterations         Lloyd iterations per level
 * @param balancedLastLevel  constrain the last level's clusters to ceil(N/K) points (fewer collisions)
 * @param standardize        standardise each input dimension first
 * @param seed               seeds every level's k-means (level l uses seed + l)
 */
public record RqKMeansConfig(int levels, int codes, int iterations, boolean balancedLastLevel, boolean standardize, long seed) {
    public RqKMeansConfig {
        if (levels < 1) throw new IllegalArgumentException("levels must be >= 1, got " + levels);
        if (codes < 2) throw new IllegalArgumentException("codes per level must be >= 2, got " + codes);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }

    public static RqKMeansConfig defaults() { return new RqKMeansConfig(3, 256, 30, false, false, 42); }
}
