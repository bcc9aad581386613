package dev.semid.lab.ablation;

import java.util.List;
import java.util.Locale;

/**
 * Mean and sample standard deviation (n − 1) over seeds. Two spreads differ only when their means
 * are further apart than the larger of the two deviations; inside that they are "no difference".
 */
public record Spread(double mean, double sd, int n) {
    public static Spread of(List<Double> values) {
        int n = values.size();
        if (n == 0) return new Spread(Double.NaN, Double.NaN, 0);
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = 0;
        for (double v : values) ss += (v - mean) * (v - mean);
        return new Spread(mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, n);
    }

    /** −1 if clearly below {@code other}, +1 if clearly above, 0 if within one standard deviation. */
    public int compareBeyondSd(Spread other) {
        double margin = Math.max(sd, other.sd);
        if (mean < other.mean - margin) return -1;
        if (mean > other.mean + margin) return 1;
        return 0;
    }

    public String format(String pattern) {
        if (n == 0) return "–";
        String m = String.format(Locale.ROOT, pattern, mean);
        return n == 1 ? m : m + " ± " + String.format(Locale.ROOT, pattern, sd);
    }
}
