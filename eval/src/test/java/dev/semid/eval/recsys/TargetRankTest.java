package dev.semid.eval.recsys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TargetRankTest {
    private static final int[] NONE = {};

    @Test void rankCountsHigherScoresAndBreaksTiesByItemId() {
        float[] s = {0.5f, 0.9f, 0.5f, 0.5f, 0.1f};
        assertEquals(1, TargetRank.of(s, 0, 5, 1, NONE, null));
        assertEquals(2, TargetRank.of(s, 0, 5, 0, NONE, null)); // tie with 2 and 3: lowest id first
        assertEquals(3, TargetRank.of(s, 0, 5, 2, NONE, null));
        assertEquals(4, TargetRank.of(s, 0, 5, 3, NONE, null));
        assertEquals(5, TargetRank.of(s, 0, 5, 4, NONE, null));
    }

    @Test void aTieOrderOverridesItemIdOrder() {
        float[] s = {0.5f, 0.9f, 0.5f, 0.5f};
        int[] order = {2, 3, 1, 0}; // among ties: item 3, then 2, then 0
        assertEquals(4, TargetRank.of(s, 0, 4, 0, NONE, order));
        assertEquals(3, TargetRank.of(s, 0, 4, 2, NONE, order));
        assertEquals(2, TargetRank.of(s, 0, 4, 3, NONE, order));
    }

    @Test void excludedItemsLeaveTheRankingAndAnExcludedTargetIsAMiss() {
        float[] s = {0.5f, 0.9f, 0.5f, 0.2f};
        assertEquals(4, TargetRank.of(s, 0, 4, 3, NONE, null));
        assertEquals(2, TargetRank.of(s, 0, 4, 3, new int[] {0, 1}, null));
        assertEquals(3, TargetRank.of(s, 0, 4, 3, new int[] {1}, null));
        assertEquals(TargetRank.NOT_RANKED, TargetRank.of(s, 0, 4, 1, new int[] {1}, null));
        assertEquals(1, TargetRank.of(s, 0, 4, 2, new int[] {0, 1}, new int[] {0, 1, 2, 3}));
    }

    @Test void notRecommendedTargetsAreMissesAndOffsetsSelectTheRow() {
        float[] s = {9f, 9f, 0.3f, Float.NEGATIVE_INFINITY, 0.1f, Float.NaN};
        assertEquals(TargetRank.NOT_RANKED, TargetRank.of(s, 2, 2, 1, NONE, null));
        assertEquals(1, TargetRank.of(s, 2, 2, 0, NONE, null));
        assertEquals(TargetRank.NOT_RANKED, TargetRank.of(s, 4, 2, 1, NONE, null));
    }
}
