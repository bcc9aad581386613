package dev.semid.genrec.leaderboard;

import java.util.Map;

/**
 * One finished leaderboard row: what ran, how long, and its test metrics with per-user ranks
 * (kept so intervals and paired comparisons can be recomputed when rows are added later).
 *
 * @param kind        "generative" (a preset over an ID set), "sasrec", or "baseline"
 * @param key         fingerprint of (configuration, ID set, sequences): a cached row is reused only under the same key
 * @param ranks       1-based rank of each test user's target, 0 when outside the top K
 */
public record RowResult(String name, String kind, String preset, String idSetFingerprint, String key, Map<String, Double> metrics,
                        int[] ranks, double trainSeconds, Integer epochsRun, Integer bestEpoch, Double validationRecall,
                        double predictSeconds, Long parameters) {}
