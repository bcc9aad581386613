package dev.semid.tokenizer.quantize;

/**
 * Knobs of one k-means run.
 *
 * @param iterations  maximum Lloyd iterations
 * @param tolerance   stop when the relative drop of the objective falls below this
 * @param seed        seeds the starting centres and reseeding; same seed, same data, same result
 * @param cap         no cluster takes more than ceil(cap·N/K) points (a capped assignment); 1 = balanced, 0 = uncapped
 * @param seedSample  k-means++ seeds on at most this many points (uniform sample) for speed
 * @param seeding     how the starting centres are chosen
 * @param miniBatch   rows per mini-batch (0 = full-batch Lloyd); then iterations count passes over the rows
 */
public record KMeansConfig(int iterations, double tolerance, long seed, double cap, int seedSample, Seeding seeding, int miniBatch) {
    public KMeansConfig {
        if (iterations < 1) throw new IllegalArgumentException("k-means iterations must be >= 1, got " + iterations);
        if (!(tolerance >= 0)) throw new IllegalArgumentException("k-means tolerance must be >= 0, got " + tolerance);
        if (!(cap == 0 || cap >= 1)) throw new IllegalArgumentException("k-means cluster cap must be 0 (uncapped) or >= 1 (a multiple of N/K), got " + cap);
        if (seedSample < 1) throw new IllegalArgumentException("k-means seed sample must be >= 1, got " + seedSample);
        if (seeding == null) throw new IllegalArgumentException("k-means seeding must be given");
        if (miniBatch < 0) throw new IllegalArgumentException("k-means mini-batch must be >= 0 (0 = full batch), got " + miniBatch);
    }

    /** True when the assignment is capped. */
    public boolean capped() { return cap > 0; }

    public static KMeansConfig defaults(long seed) { return new KMeansConfig(50, 1e-4, seed, 0, 65_536, Seeding.PLUS_PLUS, 0); }

    public KMeansConfig withCap(double c) { return new KMeansConfig(iterations, tolerance, seed, c, seedSample, seeding, miniBatch); }
    public KMeansConfig withIterations(int n) { return new KMeansConfig(n, tolerance, seed, cap, seedSample, seeding, miniBatch); }
    public KMeansConfig withSeed(long s) { return new KMeansConfig(iterations, tolerance, s, cap, seedSample, seeding, miniBatch); }
    public KMeansConfig withSeeding(Seeding s) { return new KMeansConfig(iterations, tolerance, seed, cap, seedSample, s, miniBatch); }
    public KMeansConfig withMiniBatch(int rows) { return new KMeansConfig(iterations, tolerance, seed, cap, seedSample, seeding, rows); }
}
