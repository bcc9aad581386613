package dev.semid.tokenizer.quantize;

/**
 * Knobs of one k-means run.
 *
 * @param iterations  maximum Lloyd iterations
 * @param tolerance   stop when the relative drop of the objective falls below this
 * @param seed        seeds the starting centres and reseeding; same seed, same data, same result
 * @param balanced    constrain every cluster to at most ceil(N/K) points (balanced assignment)
 * @param seedSample  k-means++ seeds on at most this many points (uniform sample) for speed
 * @param seeding     how the starting centres are chosen
 * @param miniBatch   rows per mini-batch (0 = full-batch Lloyd); then iterations count passes over the rows
 */
public record KMeansConfig(int iterations, double tolerance, long seed, boolean balanced, int seedSample, Seeding seeding, int miniBatch) {
    public KMeansConfig {
        if (iterations < 1) throw new IllegalArgumentException("k-means iterations must be >= 1, got " + iterations);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("k-means tolerance must be >= 0, got " + tolerance);
        if (seedSample < 1) throw new IllegalArgumentException("k-means seed sample must be >= 1, got " + seedSample);
        if (seeding == null) throw new IllegalArgumentException("k-means seeding must be given");
        if (miniBatch < 0) throw new IllegalArgumentException("k-means mini-batch must be >= 0 (0 = full batch), got " + miniBatch);
    }

    public static KMeansConfig defaults(long seed) { return new KMeansConfig(50, 1e-4, seed, false, 65_536, Seeding.PLUS_PLUS, 0); }

    public KMeansConfig withBalanced(boolean b) { return new KMeansConfig(iterations, tolerance, seed, b, seedSample, seeding, miniBatch); }
    public KMeansConfig withIterations(int n) { return new KMeansConfig(n, tolerance, seed, balanced, seedSample, seeding, miniBatch); }
    public KMeansConfig withSeed(long s) { return new KMeansConfig(iterations, tolerance, s, balanced, seedSample, seeding, miniBatch); }
    public KMeansConfig withSeeding(Seeding s) { return new KMeansConfig(iterations, tolerance, seed, balanced, seedSample, s, miniBatch); }
    public KMeansConfig withMiniBatch(int rows) { return new KMeansConfig(iterations, tolerance, seed, balanced, seedSample, seeding, rows); }
}
