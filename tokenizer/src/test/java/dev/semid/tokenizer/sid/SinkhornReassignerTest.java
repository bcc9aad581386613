package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SinkhornReassignerTest {
    private final SinkhornReassigner reassigner = new SinkhornReassigner();
    private final CollisionConfig cfg = CollisionConfig.defaults().withReassign(true);

    /** K = 8. Prefix 0: "1","2","3" share code 0, "4" and "5" sit alone; prefix 1 has no collisions. */
    private static final List<String> IDS = List.of("3", "1", "4", "2", "5", "7", "8");
    private static final int[][] CODES = {{0, 0}, {0, 0}, {0, 1}, {0, 0}, {0, 2}, {1, 3}, {1, 4}};
    private static final float[][] COSTS = {
            // codes:  0     1     2     3     4     5     6     7
            {0.0f, 0.3f, 0.3f, 0.9f, 0.8f, 0.7f, 0.1f, 0.9f},   // "3": nearest free code is 6
            {0.0f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f},   // "1": keeps 0
            {1, 0, 1, 1, 1, 1, 1, 1},
            {0.0f, 0.2f, 0.2f, 0.9f, 0.9f, 0.05f, 0.8f, 0.9f},  // "2": nearest free code is 5
            {1, 1, 0, 1, 1, 1, 1, 1},
            {1, 1, 1, 0, 1, 1, 1, 1},
            {1, 1, 1, 1, 0, 1, 1, 1}};

    @Test
    void movesCollidingItemsToTheirNearestFreeCodes() {
        int[][] out = reassigner.reassign(IDS, CODES, item -> COSTS[item], cfg);
        assertArrayEquals(new int[][] {{0, 6}, {0, 0}, {0, 1}, {0, 5}, {0, 2}, {1, 3}, {1, 4}}, out);
        assertEquals(0, CollisionStats.of(out).collidingItems());
        // input untouched
        assertArrayEquals(new int[] {0, 0}, CODES[0]);
    }

    @Test
    void onlyMovedItemsAreAskedForCosts() {
        List<Integer> asked = new ArrayList<>();
        reassigner.reassign(IDS, CODES, item -> { asked.add(item); return COSTS[item]; }, cfg);
        Collections.sort(asked);
        assertEquals(List.of(0, 3), asked);
    }

    @Test
    void transportPlanResolvesContestedCodes() {
        // "2" and "3" both like free code 1 best; only "2" also has a cheap second choice (2),
        // so the joint optimum is 2 -> 2, 3 -> 1 (cost 0.3) rather than 2 -> 1, 3 -> 2 (cost 5.1).
        List<String> ids = List.of("1", "2", "3");
        int[][] codes = {{0}, {0}, {0}};
        float[][] costs = {{0, 1, 1, 1, 1}, {0, 0.1f, 0.2f, 3, 3}, {0, 0.1f, 5, 3, 3}};
        int[][] out = reassigner.reassign(ids, codes, item -> costs[item], cfg);
        assertArrayEquals(new int[][] {{0}, {2}, {1}}, out);
    }

    @Test
    void groupLargerThanFreeCodesKeepsLeftoverCollisions() {
        // K = 3, five items on one code: two free codes, so two items move and three still share code 0
        List<String> ids = List.of("1", "2", "3", "4", "5");
        int[][] codes = {{4, 0}, {4, 0}, {4, 0}, {4, 0}, {4, 0}};
        float[][] costs = {{0, 1, 1}, {0, 0.1f, 0.9f}, {0, 0.9f, 0.1f}, {0, 0.5f, 0.5f}, {0, 0.6f, 0.6f}};
        int[][] out = reassigner.reassign(ids, codes, item -> costs[item], cfg);
        assertArrayEquals(new int[][] {{4, 0}, {4, 1}, {4, 2}, {4, 0}, {4, 0}}, out);
        CollisionStats s = CollisionStats.of(out);
        assertEquals(3, s.largestGroup());
        assertEquals(3, s.distinctIds());
        // the dedup token then numbers the leftovers
        Assignment a = new SemanticIdAssigner().assign(ids, out);
        assertEquals(List.of("4-0-0", "4-1-0", "4-2-0", "4-0-1", "4-0-2"), a.ids().stream().map(SemanticId::toString).toList());
    }

    @Test
    void deterministicAndIndependentOfInputOrder() {
        Random rnd = new Random(11);
        int n = 400, k = 64;    // 16 prefixes of ~25 items: collisions and free codes in each
        List<String> ids = new ArrayList<>();
        int[][] codes = new int[n][];
        float[][] costs = new float[n][k];
        for (int i = 0; i < n; i++) {
            ids.add(i % 3 == 0 ? "item" + i : Integer.toString(i));
            codes[i] = new int[] {rnd.nextInt(16), rnd.nextInt(k)};
            for (int c = 0; c < k; c++) costs[i][c] = rnd.nextFloat() * 4;
        }
        int[][] first = reassigner.reassign(ids, codes, item -> costs[item], cfg);
        assertArrayEquals(first, reassigner.reassign(ids, codes, item -> costs[item], cfg));
        assertTrue(CollisionStats.of(codes).collidingItems() > 0);
        assertEquals(0, CollisionStats.of(first).collidingItems());

        List<Integer> perm = new ArrayList<>();
        for (int i = 0; i < n; i++) perm.add(i);
        Collections.shuffle(perm, new Random(5));
        List<String> sIds = new ArrayList<>();
        int[][] sCodes = new int[n][];
        for (int r = 0; r < n; r++) {
            sIds.add(ids.get(perm.get(r)));
            sCodes[r] = codes[perm.get(r)];
        }
        int[][] shuffled = reassigner.reassign(sIds, sCodes, item -> costs[perm.get(item)], cfg);
        Map<String, List<Integer>> a = new HashMap<>(), b = new HashMap<>();
        for (int i = 0; i < n; i++) {
            a.put(ids.get(i), List.of(first[i][0], first[i][1]));
            b.put(sIds.get(i), List.of(shuffled[i][0], shuffled[i][1]));
        }
        assertEquals(a, b);
    }

    @Test
    void nonCollidingItemsAreNeverMoved() {
        Random rnd = new Random(2);
        int n = 300, k = 8;
        List<String> ids = new ArrayList<>();
        int[][] codes = new int[n][];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
            codes[i] = new int[] {rnd.nextInt(20), rnd.nextInt(20), rnd.nextInt(k)};
        }
        int[][] out = reassigner.reassign(ids, codes, item -> new float[k], cfg);
        CodeGroups tuples = CodeGroups.of(codes, 3);
        for (int i = 0; i < n; i++) {
            assertEquals(codes[i][0], out[i][0]);
            assertEquals(codes[i][1], out[i][1]);
            if (tuples.size(tuples.groupOf(i)) == 1) assertEquals(codes[i][2], out[i][2], "item " + i);
        }
    }

    @Test
    void moreRoundsChangeNothingOnceFreeCodesAreUsed() {
        CollisionConfig one = new CollisionConfig(255, true, 1, 50, 0.05);
        List<String> ids = List.of("1", "2", "3", "4", "5");
        int[][] codes = {{4, 0}, {4, 0}, {4, 0}, {4, 0}, {4, 0}};
        float[][] costs = {{0, 1, 1}, {0, 0.1f, 0.9f}, {0, 0.9f, 0.1f}, {0, 0.5f, 0.5f}, {0, 0.6f, 0.6f}};
        assertArrayEquals(reassigner.reassign(ids, codes, item -> costs[item], one),
                reassigner.reassign(ids, codes, item -> costs[item], cfg));
    }

    @Test
    void planHasTheRequestedMarginals() {
        Random rnd = new Random(4);
        for (int[] mf : new int[][] {{3, 3}, {2, 5}, {5, 2}}) {
            int m = mf[0], f = mf[1], s = Math.max(m, f);
            double[] cost = new double[m * f];
            for (int p = 0; p < cost.length; p++) cost[p] = rnd.nextDouble();
            double[] logP = SinkhornReassigner.logPlan(cost, m, f, 0.5, 2000);
            double[] rows = new double[m], cols = new double[f];
            for (int i = 0; i < m; i++)
                for (int j = 0; j < f; j++) {
                    double p = Math.exp(logP[i * f + j]);
                    rows[i] += p;
                    cols[j] += p;
                }
            // moved items and free codes carry 1/S each; over the real entries only, a row sums to
            // 1/S unless a slack column (m > f) takes part of it, a column likewise with a slack row
            for (int i = 0; i < m; i++)
                if (m <= f) assertEquals(1.0 / s, rows[i], 1e-9); else assertTrue(rows[i] < 1.0 / s);
            for (int j = 0; j < f; j++)
                if (f <= m) assertEquals(1.0 / s, cols[j], 1e-9); else assertTrue(cols[j] < 1.0 / s);
            double total = 0;
            for (double r : rows) total += r;
            assertEquals(Math.min(m, f) / (double) s, total, 1e-9, "real mass");
        }
    }

    @Test
    void tinyEpsilonDoesNotUnderflow() {
        double[] cost = {1000, 1, 1, 1000};
        double[] logP = SinkhornReassigner.logPlan(cost, 2, 2, 1e-6, 50);
        for (double v : logP) assertFalse(Double.isNaN(v));
        assertTrue(logP[1] > logP[0] && logP[2] > logP[3]);
    }

    @Test
    void singleLevelCodesUseOneGroup() {
        int[][] out = reassigner.reassign(List.of("a", "b"), new int[][] {{1}, {1}},
                item -> new float[] {0.5f, 0, 0.2f}, cfg);
        assertArrayEquals(new int[][] {{1}, {2}}, out);
    }

    @Test
    void rejectsInconsistentCosts() {
        int[][] codes = {{0, 0}, {0, 0}, {0, 0}};
        List<String> ids = List.of("1", "2", "3");
        assertThrows(IllegalArgumentException.class,
                () -> reassigner.reassign(ids, codes, item -> new float[item == 1 ? 4 : 5], cfg));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> reassigner.reassign(ids, new int[][] {{0, 0}, {0, 0}, {0, 9}}, item -> new float[4], cfg))
                .getMessage().contains("9"));
        assertThrows(IllegalArgumentException.class,
                () -> reassigner.reassign(ids, codes, item -> new float[] {0, Float.NaN, 1}, cfg));
    }
}
