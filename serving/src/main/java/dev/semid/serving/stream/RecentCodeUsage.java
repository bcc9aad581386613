package dev.semid.serving.stream;

/**
 * Per-level utilisation of the codes of the last {@code window} items: distinct codes used / K.
 * Written by the tokenize threads, read by metric gauges (a slightly stale read is fine there).
 */
public final class RecentCodeUsage {
    private final int[][] ring;
    private final int[][] counts;
    private final int[] used;
    private final int codebookSize;
    private int next, filled;

    public RecentCodeUsage(int levels, int codebookSize, int window) {
        this.ring = new int[levels][window];
        this.counts = new int[levels][codebookSize];
        this.used = new int[levels];
        this.codebookSize = codebookSize;
    }

    public synchronized void add(int[] codes) {
        int window = ring[0].length;
        for (int l = 0; l < ring.length; l++) {
            if (filled == window && --counts[l][ring[l][next]] == 0) used[l]--;
            ring[l][next] = codes[l];
            if (counts[l][codes[l]]++ == 0) used[l]++;
        }
        next = (next + 1) % window;
        if (filled < window) filled++;
    }

    public synchronized double utilisation(int level) { return (double) used[level] / codebookSize; }

    public synchronized int items() { return filled; }
}
