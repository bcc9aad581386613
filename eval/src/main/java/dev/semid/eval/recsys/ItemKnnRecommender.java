package dev.semid.eval.recsys;

import dev.semid.eval.math.ItemPanels;
import dev.semid.eval.math.UnitRows;
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
    private final ItemPanels panels; // the same rows, packed for scoring

    /** @param items one embedding row per catalogue item, in catalogue order */
    public ItemKnnRecommender(Matrix items, Query query) {
        this.query = query;
        this.n = items.rows();
        this.d = items.cols();
        this.unit = UnitRows.of(items).data();
        this.panels = ItemPanels.of(new Matrix(n, d, unit));
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
                UnitRows.normalise(q, o, d); // the mean's direction; unit length makes the scores cosines
            }
        }
        panels.scores(q, b, out);
    }
}
