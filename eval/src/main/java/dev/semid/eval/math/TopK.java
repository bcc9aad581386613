package dev.semid.eval.math;

/**
 * The k highest of n scores, best first, ties to the lower index (the same rule as a full sort
 * by (score desc, index asc)). A sorted buffer of k entries and a threshold test make it
 * O(n + m·k) for m insertions; with k ≪ n almost every score fails the threshold test.
 */
public final class TopK {
    private TopK() {}

    /**
     * Writes the indices of the best {@code k} of {@code scores[offset .. offset + n)} to
     * {@code out[0..]}, skipping index {@code skip} (−1 for none); returns how many were written
     * (fewer than k only when n is smaller). NaN scores are never selected.
     */
    public static int select(float[] scores, int offset, int n, int k, int skip, int[] out) {
        float[] best = new float[k];
        int size = 0;
        for (int j = 0; j < n; j++) {
            if (j == skip) continue;
            float s = scores[offset + j];
            if (Float.isNaN(s)) continue;
            if (size == k && !(s > best[k - 1])) continue; // equal scores keep the earlier (lower) index
            int pos = size < k ? size++ : k - 1;
            while (pos > 0 && best[pos - 1] < s) {
                best[pos] = best[pos - 1];
                out[pos] = out[pos - 1];
                pos--;
            }
            best[pos] = s;
            out[pos] = j;
        }
        return size;
    }
}
