package dev.semid.tokenizer.align;

import dev.semid.tokenizer.math.MinCostAssignment;

/**
 * Renumbers a retrained quantizer's codes so they keep the old numbers' meaning. Both models
 * encode the same items; at level l, new code j gets the old number π_l(j) that maximises
 * Σ_j |{items with new code j and old code π_l(j)}| over permutations π_l, a minimum-cost
 * assignment on the negated co-occurrence counts. Co-occurrence, not codeword distance, because
 * it holds for every method: an RQ-VAE's retrained latent space is not the old one, while the
 * items are the same. Level l+1 counts only the items whose first l codes, renumbered, already
 * agree: a code is read after its prefix, so its number should keep its meaning under the prefix
 * that survived (RQ levels do not nest — one codebook serves every prefix — so there is no subtree
 * to match within). Codes no item shares are matched at cost 0, deterministically.
 */
public final class CodeAlignment {
    private CodeAlignment() {}

    /**
     * renumbering[l][j] = the number new code j takes at level l (a permutation of 0..K−1).
     * {@code oldCodes} and {@code newCodes} hold the same items' codes, row for row, L each.
     */
    public static int[][] renumbering(int[][] oldCodes, int[][] newCodes, int levels, int codes) {
        if (oldCodes.length != newCodes.length)
            throw new IllegalArgumentException("old and new codes must cover the same items: " + oldCodes.length + " vs " + newCodes.length);
        int n = oldCodes.length;
        int[][] out = new int[levels][];
        boolean[] prefixKept = new boolean[n];
        java.util.Arrays.fill(prefixKept, true);
        for (int l = 0; l < levels; l++) {
            double[][] cost = new double[codes][codes];
            for (int i = 0; i < n; i++) if (prefixKept[i]) cost[newCodes[i][l]][oldCodes[i][l]] -= 1;
            out[l] = MinCostAssignment.solve(cost);
            for (int i = 0; i < n; i++) prefixKept[i] &= out[l][newCodes[i][l]] == oldCodes[i][l];
        }
        return out;
    }

    /** The codes renumbered: row i's level-l code c becomes renumbering[l][c] (a new array). */
    public static int[][] apply(int[][] codes, int[][] renumbering) {
        int[][] out = new int[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            out[i] = codes[i].clone();
            for (int l = 0; l < renumbering.length; l++) out[i][l] = renumbering[l][codes[i][l]];
        }
        return out;
    }
}
