package dev.semid.eval.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** End to end on {@link Fixtures#tiny()}: every figure below is worked out by hand in the comments. */
class FullRankingEvaluatorTest {
    private static final double EPS = 1e-12;
    private static final double N5_RANK2 = 1 / (Math.log(3) / Math.log(2)), N5_RANK4 = 1 / (Math.log(5) / Math.log(2));

    private static SystemResult run(Recommender r, SeenItems seen, Integer... ks) {
        Interactions d = Fixtures.tiny();
        Protocol p = Fixtures.protocol(seen, ks);
        return new FullRankingEvaluator(p, 1, 1).evaluate(r, LeaveOneOutSplit.cases(d, p.split(), p.maxHistory()).cases(), d.items().size());
    }

    @Test void popularityWithTiesAndARepeatedTargetKeepingSeenItems() {
        // scores [1, 2, 0, 0, 0, 0]. u1's target (idx 3, score 0) is behind 0 and 1, and behind 2 on the id tie: rank 4.
        // u3's target (idx 1) is the most popular item: rank 1, although u3 has seen it.
        Recommender pop = new PopularityRecommender(LeaveOneOutSplit.trainingCounts(Fixtures.tiny()));
        SystemResult r = run(pop, SeenItems.KEEP, 1, 5);
        assertArrayEquals(new int[] {4, 1}, r.ranks());
        assertEquals(0.5, r.metrics().get("recall@1"), EPS);
        assertEquals(0.5, r.metrics().get("ndcg@1"), EPS);
        assertEquals(1.0, r.metrics().get("recall@5"), EPS);
        assertEquals((N5_RANK4 + 1) / 2, r.metrics().get("ndcg@5"), EPS);
    }

    @Test void excludingSeenItemsLiftsTheOthersAndMissesARepeatedTarget() {
        // u1 has seen 0, 1, 2 (all ahead of its target): rank 1. u3's target was seen: not ranked.
        Recommender pop = new PopularityRecommender(LeaveOneOutSplit.trainingCounts(Fixtures.tiny()));
        SystemResult r = run(pop, SeenItems.EXCLUDE, 1, 5);
        assertArrayEquals(new int[] {1, 0}, r.ranks());
        assertEquals(0.5, r.metrics().get("recall@5"), EPS);
        assertEquals(0.5, r.metrics().get("ndcg@5"), EPS);
    }

    @Test void predictionListsShorterThanKAndMissingTargets() {
        // u1 lists [5, 4] → target 4 at rank 2; u3 lists [6] → its target 2 is not listed; u2 is not evaluated.
        PredictionsRecommender p = new PredictionsRecommender("file", 6, Map.of(0, new int[] {4, 3}, 2, new int[] {5}));
        SystemResult r = run(p, SeenItems.KEEP, 1, 5);
        assertArrayEquals(new int[] {2, 0}, r.ranks());
        assertEquals(0.0, r.metrics().get("recall@1"), EPS);
        assertEquals(0.5, r.metrics().get("recall@5"), EPS);
        assertEquals(N5_RANK2 / 2, r.metrics().get("ndcg@5"), EPS);
    }

    @Test void predictionsThatRecommendSeenItemsUnderEachOption() {
        // u1 lists [2, 4] (item 2 seen): rank 2 kept, rank 1 with seen items removed.
        // u3 lists [2, 5] with target 2, seen before: hit at rank 1 kept, a miss with seen items removed.
        PredictionsRecommender p = new PredictionsRecommender("file", 6, Map.of(0, new int[] {1, 3}, 2, new int[] {1, 4}));
        assertArrayEquals(new int[] {2, 1}, run(p, SeenItems.KEEP, 5).ranks());
        assertArrayEquals(new int[] {1, 0}, run(p, SeenItems.EXCLUDE, 5).ranks());
        PredictionsRecommender none = new PredictionsRecommender("empty", 6, Map.of());
        assertEquals(0.0, run(none, SeenItems.KEEP, 5).metrics().get("recall@5"));
    }

    @Test void tiesFollowTheRecommendersTieOrder() {
        float[] flat = new float[6];
        // all scores equal: ranks are positions in the tie order; u1 target idx 3, u3 target idx 1.
        assertArrayEquals(new int[] {4, 2}, run(Fixtures.fixed(flat, null), SeenItems.KEEP, 5).ranks());
        int[] reversed = {5, 4, 3, 2, 1, 0};
        assertArrayEquals(new int[] {3, 5}, run(Fixtures.fixed(flat, reversed), SeenItems.KEEP, 5).ranks());
    }

    @Test void resultsDoNotDependOnThreadsOrBlockSize() {
        SplittableRandom rnd = new SplittableRandom(3);
        int items = 300, users = 500;
        int[][] seqs = new int[users][];
        List<String> ids = new java.util.ArrayList<>(), userIds = new java.util.ArrayList<>();
        for (int j = 0; j < items; j++) ids.add(Integer.toString(j + 1));
        for (int u = 0; u < users; u++) {
            seqs[u] = rnd.ints(3 + rnd.nextInt(30), 0, items).toArray();
            userIds.add("u" + u);
        }
        Interactions d = new Interactions(userIds, ItemCatalog.of(ids), seqs);
        Protocol p = Fixtures.protocol(SeenItems.EXCLUDE, 5, 10, 20);
        List<EvalCase> cases = LeaveOneOutSplit.cases(d, Split.TEST, 20).cases();
        float[] scores = new float[items];
        for (int j = 0; j < items; j++) scores[j] = rnd.nextInt(20); // many ties
        Recommender r = Fixtures.fixed(scores, null);
        SystemResult one = new FullRankingEvaluator(p, 1, 1).evaluate(r, cases, items);
        SystemResult many = new FullRankingEvaluator(p, 2, 37).evaluate(r, cases, items);
        assertArrayEquals(one.ranks(), many.ranks());
        assertEquals(one.metrics(), many.metrics());
    }
}
