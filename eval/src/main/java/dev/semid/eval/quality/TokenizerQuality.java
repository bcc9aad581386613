package dev.semid.eval.quality;

import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.sid.CollisionStats;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.sid.CodeGroups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything measured about one ID set: per-level usage (utilisation, perplexity, via the
 * tokenizer's {@link CodeUsage}) with the raw code counts for charts, collisions of every prefix
 * length ({@link CollisionStats}; the last is the full code tuple before any dedup token), the
 * sizes of full-tuple collision groups (size → number of groups), the prefix tree's shape,
 * neighbour preservation (when embeddings were given) and the relative quantization error
 * (when the model was given).
 */
public record TokenizerQuality(String name, int items, int levels, int codebookSize, List<LevelStats> usage,
                               int[][] codeCounts, List<CollisionStats> prefixCollisions,
                               Map<Integer, Integer> collisionGroupSizes, PrefixTreeStats tree,
                               NeighbourPreservation neighbours, Double relativeQuantizationError) {
    public static final int DEFAULT_LARGEST_SUBTREES = 5;

    /** @param neighbours nearest neighbours aligned with the ID set's items, or null */
    public static TokenizerQuality of(IdSet ids, int[][] neighbours, int largestSubtrees) {
        int[][] codes = ids.codes();
        int[] sizes = new int[ids.levels()];
        Arrays.fill(sizes, ids.codebookSize());
        List<CollisionStats> prefixes = new ArrayList<>();
        for (int l = 1; l <= ids.levels(); l++) prefixes.add(CollisionStats.of(codes, l));
        CodeGroups full = CodeGroups.of(codes, ids.levels());
        Map<Integer, Integer> groupSizes = new TreeMap<>();
        for (int g = 0; g < full.groupCount(); g++) groupSizes.merge(full.size(g), 1, Integer::sum);
        return new TokenizerQuality(ids.name(), ids.items(), ids.levels(), ids.codebookSize(), CodeUsage.perLevel(codes, sizes),
                CodeUsage.counts(codes, sizes), List.copyOf(prefixes), groupSizes, PrefixTreeStats.of(codes, largestSubtrees),
                neighbours == null ? null : NeighbourPreservation.of(neighbours, codes), ids.relativeQuantizationError());
    }
}
