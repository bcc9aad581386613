package dev.semid.eval.recsys;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The kNN and semantic-ID prefix baselines on cases small enough to score by hand. */
class BaselinesTest {
    private static final ItemCatalog FIVE = ItemCatalog.of(List.of("1", "2", "3", "4", "5"));

    private static float[] scores(Recommender r, int[] history, int n) {
        float[] out = new float[n];
        r.score(List.of(new EvalCase(0, history, 0, new int[0])), 0, 1, out);
        return out;
    }

    private static int rank(Recommender r, int[] history, int target) {
        float[] s = scores(r, history, FIVE.size());
        return TargetRank.of(s, 0, s.length, target, new int[0], r.tieOrder());
    }

    @Test void knnScoresCosineAgainstTheLastItemOrTheHistoryMean() {
        // e0 = (1,0), e1 = (0,1), e2 = (1,1), e3 = (−1,0), e4 = (2,0): e4 normalises onto e0.
        Matrix e = Matrix.of(new float[][] {{1, 0}, {0, 1}, {1, 1}, {-1, 0}, {2, 0}});
        int[] history = {1, 0};
        ItemKnnRecommender last = new ItemKnnRecommender(e, ItemKnnRecommender.Query.LAST);
        float r = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {1, 0, r, -1, 1}, scores(last, history, 5), 1e-6f);
        assertEquals(1, rank(last, history, 0));
        assertEquals(2, rank(last, history, 4)); // tie with item 0, lower id first
        assertEquals(5, rank(last, history, 3));
        ItemKnnRecommender mean = new ItemKnnRecommender(e, ItemKnnRecommender.Query.MEAN);
        assertArrayEquals(new float[] {r, r, 1, -r, r}, scores(mean, history, 5), 1e-6f);
        assertEquals(1, rank(mean, history, 2));
        assertEquals(3, rank(mean, history, 1));
        assertEquals("knn-last", last.name());
    }

    @Test void sidPrefixRanksByDepthThenRecencyThenPopularityThenId() {
        // codes: 0 = 0-0, 1 = 0-1, 2 = 1-0, 3 = 1-1, 4 = 0-0. History (oldest first) 2, 0; H = 2, score ℓ·2 + p:
        // via 2 (p = 0): level 1 → {2, 3}: 2; level 2 → {2}: 4. Via 0 (p = 1): level 1 → {0, 1, 4}: 3; level 2 → {0, 4}: 5.
        int[][] codes = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0}};
        int[] popularity = {0, 0, 0, 0, 3};
        SidPrefixRecommender r = new SidPrefixRecommender("sid", codes, popularity);
        int[] history = {2, 0};
        assertArrayEquals(new float[] {5, 3, 4, 2, 5}, scores(r, history, 5));
        assertEquals(1, rank(r, history, 4), "ties with item 0 and is more popular");
        assertEquals(2, rank(r, history, 0));
        assertEquals(3, rank(r, history, 2));
        assertEquals(4, rank(r, history, 1));
        assertEquals(5, rank(r, history, 3));
        // Nothing shared: popularity decides, then id.
        int[][] apart = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}};
        SidPrefixRecommender p = new SidPrefixRecommender("sid", apart, new int[] {1, 0, 5, 0, 0});
        assertArrayEquals(new float[] {0, 0, 0, 0, 2}, scores(p, new int[] {4}, 5));
        assertEquals(2, rank(p, new int[] {4}, 2));
        assertEquals(3, rank(p, new int[] {4}, 0));
        assertEquals(4, rank(p, new int[] {4}, 1));
    }
}
