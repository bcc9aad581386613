package dev.semid.eval.recsys;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rankings produced elsewhere (a predictions file: user → ranked items). Item at 0-based
 * position p of a list of length L scores L − p; unlisted items score −∞ (not recommended), so a
 * target outside the list, or a user without a list, is a miss. A list shorter than K simply
 * cannot hit beyond its length.
 */
public final class PredictionsRecommender implements Recommender {
    private final String name;
    private final int n;
    private final Map<Integer, int[]> rankedByUser;

    /** @param rankedByUser user index → catalogue indices, best first, without repeats */
    public PredictionsRecommender(String name, int itemCount, Map<Integer, int[]> rankedByUser) {
        this.name = name;
        this.n = itemCount;
        this.rankedByUser = Map.copyOf(rankedByUser);
    }

    @Override public String name() { return name; }

    public int users() { return rankedByUser.size(); }

    @Override public void score(List<EvalCase> cases, int from, int to, float[] out) {
        for (int c = 0; c < to - from; c++) {
            int o = c * n;
            Arrays.fill(out, o, o + n, Float.NEGATIVE_INFINITY);
            int[] ranked = rankedByUser.get(cases.get(from + c).user());
            if (ranked == null) continue;
            for (int p = 0; p < ranked.length; p++) out[o + ranked[p]] = ranked.length - p;
        }
    }
}
