package dev.semid.eval.recsys;

import java.util.List;

/**
 * score(j) = number of training interactions with item j ({@link LeaveOneOutSplit#trainingCounts}),
 * the same for every user; equally popular items rank by item id.
 */
public final class PopularityRecommender implements Recommender {
    private final float[] counts;

    public PopularityRecommender(int[] trainingCounts) {
        counts = new float[trainingCounts.length];
        for (int j = 0; j < counts.length; j++) counts[j] = trainingCounts[j];
    }

    @Override public String name() { return "popularity"; }

    @Override public void score(List<EvalCase> cases, int from, int to, float[] out) {
        for (int c = 0; c < to - from; c++) System.arraycopy(counts, 0, out, c * counts.length, counts.length);
    }
}
