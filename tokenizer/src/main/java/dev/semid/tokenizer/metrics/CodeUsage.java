package dev.semid.tokenizer.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-level code usage: with n_k items on code k of a level and N items,
 * p_k = n_k / N, H = −Σ p_k ln p_k = ln N − (1/N) Σ n_k ln n_k, perplexity = exp(H).
 */
public final class CodeUsage {
    private CodeUsage() {}

    /** One {@link LevelStats} per level, all levels with the same codebook size K. */
    public static List<LevelStats> perLevel(int[][] codes, int codebookSize) {
        int levels = codes.length == 0 ? 0 : codes[0].length;
        int[] sizes = new int[levels];
        Arrays.fill(sizes, codebookSize);
        return perLevel(codes, sizes);
    }

    /** One {@link LevelStats} per level, level l with codebook size {@code codebookSizes[l]}. Empty for no items. */
    public static List<LevelStats> perLevel(int[][] codes, int[] codebookSizes) {
        if (codes.length == 0) return List.of();
        return fromCounts(counts(codes, codebookSizes), codes.length);
    }

    /** One {@link LevelStats} per level from the n_k of {@link #counts} (summed over parts, if need be) over n ≥ 1 items. */
    public static List<LevelStats> fromCounts(int[][] counts, int n) {
        List<LevelStats> out = new ArrayList<>(counts.length);
        for (int l = 0; l < counts.length; l++) out.add(stats(l + 1, counts[l], n));
        return List.copyOf(out);
    }

    /** n_k of every level: {@code counts[l][k]} items chose code k on level l + 1 (for usage charts). */
    public static int[][] counts(int[][] codes, int[] codebookSizes) {
        int levels = codes.length == 0 ? codebookSizes.length : codes[0].length;
        if (codebookSizes.length != levels)
            throw new IllegalArgumentException(codebookSizes.length + " codebook sizes for " + levels + " levels");
        for (int l = 0; l < levels; l++)
            if (codebookSizes[l] < 1) throw new IllegalArgumentException("codebook size of level " + (l + 1) + " must be >= 1, got " + codebookSizes[l]);
        int n = codes.length;
        int[][] counts = new int[levels][];
        for (int l = 0; l < levels; l++) counts[l] = new int[codebookSizes[l]];
        for (int i = 0; i < n; i++) {
            int[] row = codes[i];
            if (row == null || row.length != levels)
                throw new IllegalArgumentException("item " + i + " has " + (row == null ? 0 : row.length) + " codes, item 0 has " + levels);
            for (int l = 0; l < levels; l++) {
                int c = row[l];
                if (c < 0 || c >= codebookSizes[l])
                    throw new IllegalArgumentException("item " + i + ", level " + (l + 1) + ": code " + c
                            + " is outside [0, " + codebookSizes[l] + ")");
                counts[l][c]++;
            }
        }
        return counts;
    }

    private static LevelStats stats(int level, int[] counts, int n) {
        int used = 0, largest = 0;
        double sumNlogN = 0;
        for (int c : counts) {
            if (c == 0) continue;
            used++;
            largest = Math.max(largest, c);
            sumNlogN += c * Math.log(c);
        }
        double entropy = Math.log(n) - sumNlogN / n;
        int k = counts.length;
        return new LevelStats(level, used, k, (double) used / k, Math.exp(Math.max(0.0, entropy)), (double) largest / n);
    }
}
