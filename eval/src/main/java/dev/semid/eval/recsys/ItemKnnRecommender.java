package dev.semid.eval.recsys;

import dev.semid.eval.math.DotProducts;
import dev.semid.tokenizer.data.Matrix;

import java.util.List;
import java.util.Locale;

/**
 * Item-kNN over item embeddings: score(j) = cos(q, e_j), with the query q either the embedding
 * of the last history item ({@link Query#LAST}) or the mean of the history's normalised
 * embeddings ({@link Query#MEAN}). Rows are L2-normalised once; an all-zero row scores 0.
 * Ties by item id.
 */
public final class ItemKnnRecommender implements Recommender {
    public enum Query { LAST, MEAN }

    private final Query query;
    private final int n, d;
    private final float[] unit;     // n × d, normalised rows
    private final float[] unitT;    // d × n, the layout DotProducts wants

    /** @param items one embedding row per catalogue item, in catalogue order */
    public ItemKnnRecommender(Matrix items, Query query) {
        this.query = query;
        this.n = items.rows();
        this.d = items.cols();
        this.unit = normalisedRows(items).data();
        this.unitT = new Matrix(n, d, unit).transpose().data();
    }

    /** A copy with every non-zero row scaled to unit length. */
    public static Matrix normalisedRows(Matrix m) {
        int rows = m.rows(), cols = m.cols();
        float[] src = m.data(), dst = new float[src.length];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int k = 0; k < cols; k++) s += (double) src[r * cols + k] * src[r * cols + k];
            float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
            for (int k = 0; k < cols; k++) dst[r * cols + k] = src[r * cols + k] * inv;
        }
        return new Matrix(rows, cols, dst);
    }

    @Override public String name() { return "knn-" + query.name().toLowerCase(Locale.ROOT); }

    @Override public void score(List<EvalCase> cases, int from, int to, float[] out) {
        int b = to - from;
        float[] q = new float[b * d];
        for (int c = 0; c < b; c++) {
            int[] h = cases.get(from + c).history();
            int o = c * d;
            if (query == Query.LAST) {
                System.arraycopy(unit, h[h.length - 1] * d, q, o, d);
            } else {
                for (int item : h)
                    for (int k = 0; k < d; k++) q[o + k] += unit[item * d + k];
                // Dividing by |h| does not change the order of cos(q, e_j); scaling q to unit length makes the scores cosines.
                double s = 0;
                for (int k = 0; k < d; k++) s += (double) q[o + k] * q[o + k];
                float inv = s > 0 ? (float) (1 / Math.sqrt(s)) : 0f;
                for (int k = 0; k < d; k++) q[o + k] *= inv;
            }
        }
        DotProducts.multiply(q, b, d, unitT, n, out);
    }
}
