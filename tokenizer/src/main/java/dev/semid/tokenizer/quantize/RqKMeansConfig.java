package dev.semid.tokenizer.quantize;

/**
 * Residual k-means knobs; build them by name with {@link #builder()} (defaults: 3 levels × 256
 * codes, 30 iterations, seed 42, automatic seeding, clusters capped at 1.5·N/K, nothing standardised).
 *
 * @param levels             L
 * @param codes              K per level
 * @param iterations         Lloyd iterations per level
 * @param balancedLastLevel  constrain the last level's clusters to ceil(N/K) points (fewer collisions)
 * @param clusterCap         no cluster of any level takes more than ceil(clusterCap·N/K) training rows (0 = uncapped):
 *                           Lloyd's assignment piles dense regions into a few codes; a loose cap spreads them and
 *                           so the tuples, at almost no error (Beauty MiniLM 3 × 256, four seeds: distinct tuples
 *                           11,156–11,197 → 11,220–11,231, relative error 0.4328–0.4351 → 0.4337–0.4346; a cap of 1
 *                           on every level costs error: 0.4367–0.4399). Levels fitted by mini-batch are uncapped.
 * @param standardize        standardise each input dimension first
 * @param seed               seeds every level's k-means (level l uses seed + l)
 * @param refineRounds       rounds of joint codebook refinement after the greedy fit (0 = none)
 * @param sample             train on at most this many items, drawn uniformly (the rest are only encoded
 *                           later): 262,144 is 1,024 points per code at K = 256, where more data no longer
 *                           moves the centres, and keeps the working copy at a quarter of a million rows
 * @param miniBatch          rows per mini-batch k-means step (0 = full-batch Lloyd, the default); with it,
 *                           iterations count passes over the training rows, and a few passes suffice (a
 *                           balanced last level still runs full batches: its cap needs every row at once)
 * @param seeding            how each level's k-means starts ({@link Seeding#AUTO}: progressive dimensions where
 *                           codes have enough rows; at 3 × 256 on Beauty MiniLM they beat k-means++ in relative error
 *                           (0.435 against 0.448) and distinct tuples (11,185 against 10,820))
 */
public record RqKMeansConfig(int levels, int codes, int iterations, boolean balancedLastLevel, double clusterCap, boolean standardize, long seed,
                             int refineRounds, int sample, int miniBatch, Seeding seeding) {
    public static final int DEFAULT_SAMPLE = 262_144;
    public static final double DEFAULT_CLUSTER_CAP = 1.5;

    public RqKMeansConfig {
        if (levels < 1) throw new IllegalArgumentException("levels must be >= 1, got " + levels);
        if (refineRounds < 0) throw new IllegalArgumentException("refine rounds must be >= 0, got " + refineRounds);
        if (sample < codes) throw new IllegalArgumentException("the training sample (" + sample + ") must hold at least K = " + codes + " items");
        if (codes < 2) throw new IllegalArgumentException("codes per level must be >= 2, got " + codes);
        if (iterations < 1) throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
        if (!(clusterCap == 0 || clusterCap >= 1))
            throw new IllegalArgumentException("the cluster cap must be 0 (uncapped) or >= 1 (a multiple of N/K), got " + clusterCap);
        if (seeding == null) throw new IllegalArgumentException("k-means seeding must be given");
        if (miniBatch != 0 && miniBatch < codes)
            throw new IllegalArgumentException("a mini-batch (" + miniBatch + " rows) must hold at least K = " + codes + " rows, or be 0 for full batches");
    }

    public static Builder builder() { return new Builder(); }

    public static RqKMeansConfig defaults() { return builder().build(); }

    /** Level l's cap as a multiple of N/K: 1 on a balanced last level, none where mini-batch k-means fits it. */
    public double capOfLevel(int l) {
        if (balancedLastLevel && l == levels - 1) return 1;
        return miniBatch > 0 ? 0 : clusterCap;
    }

    /** Named knobs, each starting at its default; the record's constructor checks them. */
    public static final class Builder {
        private int levels = 3, codes = 256, iterations = 30;
        private boolean balancedLastLevel, standardize;
        private double clusterCap = DEFAULT_CLUSTER_CAP;
        private long seed = 42;
        private int refineRounds = 0, sample = DEFAULT_SAMPLE, miniBatch = 0;
        private Seeding seeding = Seeding.AUTO;

        private Builder() {}

        public Builder levels(int l) { levels = l; return this; }
        public Builder codes(int k) { codes = k; return this; }
        public Builder iterations(int n) { iterations = n; return this; }
        public Builder balancedLastLevel(boolean on) { balancedLastLevel = on; return this; }
        public Builder clusterCap(double c) { clusterCap = c; return this; }
        public Builder standardize(boolean on) { standardize = on; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder refineRounds(int n) { refineRounds = n; return this; }
        public Builder sample(int n) { sample = n; return this; }
        public Builder seeding(Seeding s) { seeding = s; return this; }
        public Builder miniBatch(int rows) { miniBatch = rows; return this; }

        public RqKMeansConfig build() { return new RqKMeansConfig(levels, codes, iterations, balancedLastLevel, clusterCap, standardize, seed, refineRounds, sample, miniBatch, seeding); }
    }
}
