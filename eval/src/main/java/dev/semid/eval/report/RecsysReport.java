package dev.semid.eval.report;

import dev.semid.eval.recsys.PairedBootstrap;

import java.util.List;
import java.util.Map;

/**
 * What {@code semid eval recsys} writes: the protocol, the data it ran on, each system's
 * metrics and timing, published figures for scale, and paired-bootstrap comparisons.
 */
public record RecsysReport(String kind, String sequences, String split, int maxHistory, List<Integer> ks, String seenItems,
                           int users, int evaluatedUsers, int skippedUsers, int repeatedTargets, int items, long interactions,
                           List<SystemSummary> systems, List<Published> published, List<Comparison> comparisons) {
    public static final String KIND = "recsys";

    /** @param seconds wall time of the full ranking (scoring and ranking every user against every item) */
    public record SystemSummary(String name, Map<String, Double> metrics, double seconds, double usersPerSecond) {}

    /** Figures reported elsewhere (e.g. a paper), shown for scale; never compared statistically. */
    public record Published(String name, Map<String, Double> metrics) {}

    /** Paired bootstrap of system − reference on the same users, per metric. */
    public record Comparison(String reference, String system, int resamples, double confidence,
                             Map<String, PairedBootstrap.Interval> differences) {}
}
