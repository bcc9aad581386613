package dev.semid.eval.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LeaveOneOutSplitTest {
    @Test void testTargetIsTheLastItemWithEverythingBeforeItAsHistory() {
        LeaveOneOutSplit.Cases c = LeaveOneOutSplit.cases(Fixtures.tiny(), Split.TEST, 20);
        assertEquals(1, c.skippedUsers(), "u2 has only 2 items");
        assertEquals(2, c.cases().size());
        EvalCase u1 = c.cases().get(0), u3 = c.cases().get(1);
        assertEquals(0, u1.user());
        assertEquals(3, u1.target());
        assertArrayEquals(new int[] {0, 1, 2}, u1.history(), "includes the validation item");
        assertArrayEquals(new int[] {0, 1, 2}, u1.seen());
        assertEquals(2, u3.user());
        assertEquals(1, u3.target());
        assertArrayEquals(new int[] {1, 4}, u3.history());
        assertArrayEquals(new int[] {1, 4}, u3.seen());
    }

    @Test void validationTargetIsTheSecondToLastItem() {
        List<EvalCase> c = LeaveOneOutSplit.cases(Fixtures.tiny(), Split.VALIDATION, 20).cases();
        assertEquals(2, c.get(0).target());
        assertArrayEquals(new int[] {0, 1}, c.get(0).history());
        assertEquals(4, c.get(1).target());
        assertArrayEquals(new int[] {1}, c.get(1).history());
    }

    @Test void historyIsCappedToTheMostRecentItemsButSeenCoversTheWholePrefix() {
        ItemCatalog items = ItemCatalog.of(List.of("1", "2", "3", "4", "5", "6", "7"));
        Interactions d = new Interactions(List.of("u"), items, new int[][] {{0, 1, 2, 3, 1, 5, 6}});
        EvalCase c = LeaveOneOutSplit.cases(d, Split.TEST, 3).cases().get(0);
        assertArrayEquals(new int[] {3, 1, 5}, c.history());
        assertArrayEquals(new int[] {0, 1, 2, 3, 5}, c.seen());
        assertEquals(6, c.target());
    }

    @Test void popularityCountsOnlyTrainingItems() {
        // u1 → items 0, 1; u2 (2 items) → nothing; u3 → item 1. Validation and test items never count.
        assertArrayEquals(new int[] {1, 2, 0, 0, 0, 0}, LeaveOneOutSplit.trainingCounts(Fixtures.tiny()));
    }

    @Test void catalogueOrdersNumericIdsNumerically() {
        ItemCatalog c = ItemCatalog.of(List.of("10", "9", "b", "100", "a", "9"));
        assertEquals(List.of("9", "10", "100", "a", "b"), c.ids());
        assertEquals(1, c.indexOf("10"));
        assertEquals(-1, c.indexOf("11"));
    }
}
