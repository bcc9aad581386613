package dev.semid.eval.math;

import dev.semid.tokenizer.data.Matrix;

/**
 * Exact k nearest neighbours of every row by cosine similarity, the row itself excluded:
 * NN_k(i) = the k rows j ≠ i with the largest cos(x_i, x_j), ties to the lower row. Brute
 * force in blocks of rows ({@link ItemPanels}, {@link TopK}), parallel over blocks.
 */
public final class NearestNeighbours {
    private static final int ROWS_PER_BLOCK = 64;

    private NearestNeighbours() {}

    /** {@code [i][r]} = the (r+1)-th nearest neighbour of row i. */
    public static int[][] cosine(Matrix x, int k, int threads) {
        int n = x.rows(), d = x.cols();
        if (k < 1 || k >= n) throw new IllegalArgumentException("k must be in [1, " + (n - 1) + "], got " + k);
        Matrix unit = UnitRows.of(x);
        ItemPanels panels = ItemPanels.of(unit);
        int[][] out = new int[n][k];
        int blocks = (n + ROWS_PER_BLOCK - 1) / ROWS_PER_BLOCK;
        BlockParallel.run(blocks, threads, () -> {
            float[] scores = new float[ROWS_PER_BLOCK * n];
            return b -> {
                int from = b * ROWS_PER_BLOCK, to = Math.min(n, from + ROWS_PER_BLOCK);
                float[] q = java.util.Arrays.copyOfRange(unit.data(), from * d, to * d);
                panels.scores(q, to - from, scores);
                for (int i = from; i < to; i++) TopK.select(scores, (i - from) * n, n, k, i, out[i]);
            };
        });
        return out;
    }
}
