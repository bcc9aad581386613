package dev.semid.eval.quality;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Prefix tree, collisions and neighbour preservation on hand-sized ID sets. */
class TokenizerQualityTest {
    // 6 items, 2 levels, K = 4: prefixes 0 → {0, 1, 2}, 1 → {3, 4}, 3 → {5}; full tuples 0-0 twice, 1-2 twice.
    private static final int[][] CODES = {{0, 0}, {0, 0}, {0, 1}, {1, 2}, {1, 2}, {3, 0}};
    private static final IdSet SET = new IdSet("toy", List.of("1", "2", "3", "4", "5", "6"), CODES, 4, null);

    @Test void prefixTreeShape() {
        PrefixTreeStats t = PrefixTreeStats.of(CODES, 2);
        PrefixTreeStats.Level l1 = t.levels().get(0), l2 = t.levels().get(1);
        assertEquals(3, l1.nodes());
        assertEquals(3.0, l1.meanBranching());
        assertEquals(3, l1.maxBranching());
        assertEquals(List.of(new PrefixTreeStats.Subtree("0", 3), new PrefixTreeStats.Subtree("1", 2)), l1.largest());
        assertEquals(4, l2.nodes());                 // 0-0, 0-1, 1-2, 3-0
        assertEquals(4.0 / 3, l2.meanBranching(), 1e-12);
        assertEquals(2, l2.maxBranching());          // prefix 0 has children 0-0 and 0-1
        assertEquals(List.of(new PrefixTreeStats.Subtree("0-0", 2), new PrefixTreeStats.Subtree("1-2", 2)), l2.largest());
    }

    @Test void usageCollisionsAndGroupSizes() {
        TokenizerQuality q = TokenizerQuality.of(SET, null, 5);
        assertEquals(3, q.usage().get(0).usedCodes());
        assertEquals(0.75, q.usage().get(0).utilisation());
        assertArrayEquals(new int[] {3, 2, 0, 1}, q.codeCounts()[0]);
        assertArrayEquals(new int[] {3, 1, 2, 0}, q.codeCounts()[1]);
        assertEquals(3, q.prefixCollisions().get(0).distinctIds());
        assertEquals(4, q.prefixCollisions().get(1).distinctIds());
        assertEquals(4, q.prefixCollisions().get(1).collidingItems());
        assertEquals(Map.of(1, 2, 2, 2), q.collisionGroupSizes());
        assertNull(q.neighbours());
    }

    @Test void neighbourPreservationAgainstTheRandomAssignmentExpectation() {
        // k = 1: 0→1 (same 1-prefix, same 2-prefix), 1→2 (same 1-prefix only), 2→3 (nothing),
        // 3→4 (both), 4→3 (both), 5→0 (nothing). share_1 = 4/6, share_2 = 3/6.
        // random_1 = (3·2 + 2·1 + 0) / (6·5) = 8/30; random_2 = (2·1 + 2·1) / 30 = 4/30.
        int[][] nn = {{1}, {2}, {3}, {4}, {3}, {0}};
        NeighbourPreservation p = NeighbourPreservation.of(nn, CODES);
        assertEquals(1, p.k());
        assertEquals(4.0 / 6, p.levels().get(0).share(), 1e-12);
        assertEquals(8.0 / 30, p.levels().get(0).random(), 1e-12);
        assertEquals(2.5, p.levels().get(0).lift(), 1e-12);
        assertEquals(3.0 / 6, p.levels().get(1).share(), 1e-12);
        assertEquals(4.0 / 30, p.levels().get(1).random(), 1e-12);
    }

    @Test void theRandomBaselineIsTheMeanOverShuffledAssignments() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        int n = 400, k = 5;
        int[][] codes = new int[n][];
        for (int i = 0; i < n; i++) codes[i] = new int[] {r.nextInt(6), r.nextInt(3)};
        int[][] nn = new int[n][k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) nn[i][j] = (i + 1 + j) % n;
        double expected = NeighbourPreservation.of(nn, codes).levels().get(1).random(), sum = 0;
        int trials = 300;
        for (int t = 0; t < trials; t++) {
            int[][] shuffled = codes.clone();
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int[] tmp = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = tmp;
            }
            sum += NeighbourPreservation.of(nn, shuffled).levels().get(1).share();
        }
        assertEquals(expected, sum / trials, 0.1 * expected);
    }
}
