package dev.semid.genrec.train;

import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.genrec.model.GenRecModel;

import java.util.List;
import java.util.Map;

/**
 * Recall@K and NDCG@K of a model's top-K on held-out cases, through the eval module's metric
 * definitions (a target outside the model's K items is a miss).
 */
public final class HeldOut {
    private HeldOut() {}

    public static int[][] histories(List<EvalCase> cases) {
        int[][] h = new int[cases.size()][];
        for (int i = 0; i < h.length; i++) h[i] = cases.get(i).history();
        return h;
    }

    /** 1-based rank of each case's target in its list (lists aligned with the cases), 0 when it is not there. */
    public static int[] ranks(List<EvalCase> cases, int[][] lists) {
        int[] ranks = new int[cases.size()];
        for (int c = 0; c < ranks.length; c++) ranks[c] = rankOf(lists[c], cases.get(c).target());
        return ranks;
    }

    /** 1-based position of the target in a ranked list, 0 when absent. */
    public static int rankOf(int[] list, int target) {
        for (int i = 0; i < list.length; i++) if (list[i] == target) return i + 1;
        return 0;
    }

    public static Map<String, Double> metrics(GenRecModel model, List<EvalCase> cases, int k) {
        return RankingMetrics.means(ranks(cases, model.recommend(histories(cases), k).items()), List.of(k));
    }
}
