package dev.semid.eval.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Paired bootstrap of the difference of two systems on the same users: with per-user values
 * a_u, b_u and d_u = b_u − a_u, each resample draws n users with replacement and takes the mean
 * of their d_u; the interval is the (α/2, 1 − α/2) percentile of the resampled means (linear
 * interpolation between order statistics), α = 1 − confidence. Every metric is resampled with
 * the same users, so the intervals of one comparison come from one set of resamples.
 *
 * @param resamples  number of bootstrap resamples (≥ 100)
 * @param confidence e.g. 0.95
 * @param seed       seed of the resampling, for reproducible intervals
 */
public record PairedBootstrap(int resamples, double confidence, long seed) {
    public static final int DEFAULT_RESAMPLES = 1000;
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The observed mean difference and its interval. */
    public record Interval(double difference, double lower, double upper) {
        public boolean excludesZero() { return lower > 0 || upper < 0; }
    }

    public PairedBootstrap {
        if (resamples < 100) throw new IllegalArgumentException("bootstrap resamples must be >= 100, got " + resamples);
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
    }

    /** @param a values {@code [metric][user]} of the reference system, b the same users under the other */
    public List<Interval> differences(double[][] a, double[][] b) {
        if (a.length != b.length) throw new IllegalArgumentException(a.length + " metrics against " + b.length);
        int metrics = a.length, n = metrics == 0 ? 0 : a[0].length;
        double[][] d = new double[metrics][n];
        double[] observed = new double[metrics];
        for (int m = 0; m < metrics; m++) {
            if (a[m].length != n || b[m].length != n) throw new IllegalArgumentException("paired values need the same users");
            for (int u = 0; u < n; u++) {
                d[m][u] = b[m][u] - a[m][u];
                observed[m] += d[m][u];
            }
            observed[m] = n == 0 ? 0 : observed[m] / n;
        }
        double[][] means = new double[metrics][resamples];
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] sums = new double[metrics];
        for (int r = 0; r < resamples; r++) {
            Arrays.fill(sums, 0);
            for (int i = 0; i < n; i++) {
                int u = rnd.nextInt(n);
                for (int m = 0; m < metrics; m++) sums[m] += d[m][u];
            }
            for (int m = 0; m < metrics; m++) means[m][r] = n == 0 ? 0 : sums[m] / n;
        }
        double alpha = 1 - confidence;
        List<Interval> out = new ArrayList<>(metrics);
        for (int m = 0; m < metrics; m++) {
            Arrays.sort(means[m]);
            out.add(new Interval(observed[m], quantile(means[m], alpha / 2), quantile(means[m], 1 - alpha / 2)));
        }
        return out;
    }

    /** Sample quantile of sorted values with linear interpolation between order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
}
