package dev.semid.eval.recsys;

import java.util.Map;

/**
 * One system's evaluation: the target's rank for every case (0 = not ranked, aligned with the
 * cases), the mean metrics, and how long the full ranking took.
 */
public record SystemResult(String name, int[] ranks, Map<String, Double> metrics, double seconds) {
    public SystemResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics)); // keeps report order
    }

    public int users() { return ranks.length; }
}
