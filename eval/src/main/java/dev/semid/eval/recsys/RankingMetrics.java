package dev.semid.eval.recsys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recall@K and NDCG@K with one held-out target per user, at 1-based rank r (0 = not ranked):
 * Recall@K = 1 if 1 ≤ r ≤ K else 0, NDCG@K = 1 / log2(r + 1) if 1 ≤ r ≤ K else 0 (the ideal DCG
 * of a single relevant item is 1). Both are averaged over users.
 */
public final class RankingMetrics {
    private static final double LN2 = Math.log(2);

    private RankingMetrics() {}

    public static double recall(int rank, int k) {
        return rank >= 1 && rank <= k ? 1.0 : 0.0;
    }

    public static double ndcg(int rank, int k) {
        return rank >= 1 && rank <= k ? LN2 / Math.log(rank + 1.0) : 0.0;
    }

    /** The metric names in report order: recall@K then ndcg@K for each K. */
    public static List<String> names(List<Integer> ks) {
        return ks.stream().flatMap(k -> java.util.stream.Stream.of("recall@" + k, "ndcg@" + k)).toList();
    }

    /** Per-user values of every metric of {@link #names}: {@code [metric][user]}. */
    public static double[][] perUser(int[] ranks, List<Integer> ks) {
        double[][] v = new double[2 * ks.size()][ranks.length];
        for (int m = 0; m < ks.size(); m++) {
            int k = ks.get(m);
            for (int u = 0; u < ranks.length; u++) {
                v[2 * m][u] = recall(ranks[u], k);
                v[2 * m + 1][u] = ndcg(ranks[u], k);
            }
        }
        return v;
    }

    /** Means over users, by metric name (NaN-free: 0 for no users). */
    public static Map<String, Double> means(int[] ranks, List<Integer> ks) {
        double[][] v = perUser(ranks, ks);
        List<String> names = names(ks);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < v.length; m++) {
            double s = 0;
            for (double x : v[m]) s += x;
            out.put(names.get(m), ranks.length == 0 ? 0.0 : s / ranks.length);
        }
        return out;
    }
}
