package dev.semid.serving.stream;

import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.metrics.LevelStats;

import java.util.List;

/**
 * Per-level code usage of the last {@code window} items (utilisation, perplexity, as the batch
 * metrics compute them from the same counts). Not thread-safe: its owner locks.
 */
public final class RecentCodeUsage {
    private final int[][] ring;
    private final int[][] counts;
    private int next, filled;

    public RecentCodeUsage(int levels, int codebookSize, int window) {
        this.ring = new int[levels][window];
        this.counts = new int[levels][codebookSize];
    }

    public void add(int[] codes) {
        int window = ring[0].length;
        for (int l = 0; l < ring.length; l++) {
            if (filled == window) counts[l][ring[l][next]]--;
            ring[l][next] = codes[l];
            counts[l][codes[l]]++;
        }
        next = (next + 1) % window;
        if (filled < window) filled++;
    }

    /** One entry per level; empty before the first item. */
    public List<LevelStats> levels() { return filled == 0 ? List.of() : CodeUsage.fromCounts(counts, filled); }

    public int items() { return filled; }
}
