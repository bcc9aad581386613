package dev.semid.lab.compare;

import dev.semid.tokenizer.metrics.LevelStats;

import java.util.List;

/**
 * One ID set of a comparison: a method trained on one embedding file, or a published reference
 * set ({@code embeddings} "published"; no errors, reconstruction or time, and 4-level distinct IDs
 * beside the 3-level ones).
 */
public record ComparisonRow(String embeddings, String method, List<LevelStats> levels, int items, int distinct3, Integer distinct4,
                            Double relError, Double reconMse, Double inputRelError, Double seconds) {}
