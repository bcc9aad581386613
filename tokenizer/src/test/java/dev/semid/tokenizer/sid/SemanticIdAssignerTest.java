package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class SemanticIdAssignerTest {
    private final SemanticIdAssigner assigner = new SemanticIdAssigner();

    @Test
    void tokensAreRanksInItemIdOrder() {
        List<String> ids = List.of("10", "9", "a", "x");
        int[][] codes = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {4, 5, 6}};
        Assignment a = assigner.assign(ids, codes);
        assertEquals(List.of(SemanticId.parse("1-2-3-1"), SemanticId.parse("1-2-3-0"),
                SemanticId.parse("1-2-3-2"), SemanticId.parse("4-5-6-0")), a.ids());
        assertEquals(new CollisionStats(4, 2, 0.5, 3, 3), a.before());
        assertEquals(2, a.maxDedupToken());
    }

    @Test
    void inputIsNotModified() {
        int[][] codes = {{1, 2}, {1, 2}};
        assigner.assign(List.of("a", "b"), codes);
        assertArrayEquals(new int[][] {{1, 2}, {1, 2}}, codes);
    }

    @Test
    void overflowThrowsNamingTupleAndLimit() {
        SemanticIdAssigner strict = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        // a group of 2 fits tokens 0..1
        assertEquals(1, strict.assign(List.of("a", "b"), new int[][] {{3, 1, 4}, {3, 1, 4}}).maxDedupToken());
        DedupOverflowException e = assertThrows(DedupOverflowException.class, () -> strict.assign(
                List.of("z", "5", "12", "q"), new int[][] {{3, 1, 4}, {3, 1, 4}, {3, 1, 4}, {2, 7, 1}}));
        assertTrue(e.getMessage().contains("3-1-4"), e.getMessage());
        assertTrue(e.getMessage().contains("maxDedup is 1"), e.getMessage());
        assertTrue(e.getMessage().contains("3 items"), e.getMessage());
        assertTrue(e.getMessage().contains("5, 12, z"), e.getMessage());
        assertArrayEquals(new int[] {3, 1, 4}, e.codes());
        assertEquals(3, e.groupSize());
        assertEquals(1, e.maxDedup());
        assertEquals(List.of("5", "12", "z"), e.sampleItemIds());
    }

    @Test
    void maxDedupZeroForbidsAnySharing() {
        SemanticIdAssigner none = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(0));
        assertEquals(0, none.assign(List.of("a", "b"), new int[][] {{1}, {2}}).maxDedupToken());
        assertThrows(DedupOverflowException.class, () -> none.assign(List.of("a", "b"), new int[][] {{1}, {1}}));
    }

    @Test
    void overflowReportsTheLargestGroupAndCountsTheRest() {
        SemanticIdAssigner strict = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        List<String> ids = new ArrayList<>();
        int[][] codes = new int[7][];
        for (int i = 0; i < 7; i++) {
            ids.add("i" + i);
            codes[i] = i < 3 ? new int[] {1, 1} : new int[] {2, 2};
        }
        DedupOverflowException e = assertThrows(DedupOverflowException.class, () -> strict.assign(ids, codes));
        assertArrayEquals(new int[] {2, 2}, e.codes());
        assertEquals(4, e.groupSize());
        assertTrue(e.getMessage().contains("1 more code tuple(s)"), e.getMessage());
    }

    @Test
    void shuffledInputGivesTheSameIds() {
        Random rnd = new Random(7);
        int n = 3000;
        List<String> ids = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(rnd.nextBoolean() ? Long.toString(rnd.nextInt(1_000_000) * 10_000L + i) : "item-" + i);
            rows.add(new int[] {rnd.nextInt(4), rnd.nextInt(4), rnd.nextInt(4)}); // 64 tuples: many collisions
        }
        Map<String, SemanticId> reference = map(ids, rows);
        assertEquals(n, new HashSet<>(reference.values()).size(), "all IDs distinct");
        for (int seed = 0; seed < 3; seed++) {
            List<Integer> perm = new ArrayList<>();
            for (int i = 0; i < n; i++) perm.add(i);
            Collections.shuffle(perm, new Random(seed));
            List<String> sIds = new ArrayList<>();
            List<int[]> sRows = new ArrayList<>();
            for (int p : perm) {
                sIds.add(ids.get(p));
                sRows.add(rows.get(p));
            }
            assertEquals(reference, map(sIds, sRows));
        }
    }

    private Map<String, SemanticId> map(List<String> ids, List<int[]> rows) {
        List<SemanticId> sids = assigner.assign(ids, rows.toArray(new int[0][])).ids();
        Map<String, SemanticId> m = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) m.put(ids.get(i), sids.get(i));
        return m;
    }

    @Test
    void tokensOfEachGroupAreZeroToSizeMinusOne() {
        Random rnd = new Random(3);
        int n = 500;
        List<String> ids = new ArrayList<>();
        int[][] codes = new int[n][];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
            codes[i] = new int[] {rnd.nextInt(3), rnd.nextInt(3)};
        }
        Map<CodeTuple, List<Integer>> tokens = new HashMap<>();
        for (SemanticId id : assigner.assign(ids, codes).ids())
            tokens.computeIfAbsent(id.tuple(), k -> new ArrayList<>()).add(id.dedup());
        for (List<Integer> t : tokens.values()) {
            Collections.sort(t);
            for (int r = 0; r < t.size(); r++) assertEquals(r, t.get(r));
        }
    }

    @Test
    void assignOneTakesTheSmallestFreeToken() {
        Set<SemanticId> taken = new HashSet<>(List.of(SemanticId.parse("1-2-3-0"), SemanticId.parse("1-2-3-2")));
        assertEquals(SemanticId.parse("1-2-3-1"), assigner.assignOne("new", CodeTuple.of(1, 2, 3), taken::contains));
        assertEquals(SemanticId.parse("4-4-4-0"), assigner.assignOne("new", CodeTuple.of(4, 4, 4), taken::contains));
    }

    @Test
    void assignOneOverflows() {
        SemanticIdAssigner strict = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        Set<SemanticId> taken = Set.of(SemanticId.parse("7-7-0"), SemanticId.parse("7-7-1"));
        DedupOverflowException e = assertThrows(DedupOverflowException.class,
                () -> strict.assignOne("late", CodeTuple.of(7, 7), taken::contains));
        assertTrue(e.getMessage().contains("7-7") && e.getMessage().contains("maxDedup is 1")
                && e.getMessage().contains("late"), e.getMessage());
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> assigner.assign(List.of("a"), new int[][] {{1}, {2}}));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> assigner.assign(List.of("a", "b", "a"), new int[][] {{1}, {2}, {3}})).getMessage().contains("'a'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> assigner.assign(List.of("a", "b"), new int[][] {{1, 2}, {1}})).getMessage().contains("'b'"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> assigner.assign(List.of("a"), new int[][] {{1, -2}})).getMessage().contains("negative"));
        assertThrows(IllegalArgumentException.class, () -> assigner.assign(List.of("a"), new int[][] {{}}));
    }

    @Test
    void emptyInput() {
        Assignment a = assigner.assign(List.of(), new int[0][]);
        assertEquals(List.of(), a.ids());
        assertEquals(new CollisionStats(0, 0, 0.0, 0, 0), a.before());
    }

    @Test
    void withReassignmentCollisionsMoveBeforeTokens() {
        SemanticIdAssigner lc = new SemanticIdAssigner(CollisionConfig.defaults().withReassign(true));
        // K = 4 last-level codes; "1" and "2" collide on 0-0, code 3 is free and close to "2"
        int[][] codes = {{0, 0}, {0, 0}, {0, 1}};
        float[][] costs = {{0, 1, 1, 1}, {0.1f, 2, 2, 0.2f}, {1, 0, 1, 1}};
        Assignment a = lc.assign(List.of("1", "2", "3"), codes, item -> costs[item]);
        assertEquals(List.of(SemanticId.parse("0-0-0"), SemanticId.parse("0-3-0"), SemanticId.parse("0-1-0")), a.ids());
        assertEquals(2, a.before().distinctIds(), "before is measured on the raw codes");
        // without re-assignment the same call only numbers
        Assignment plain = assigner.assign(List.of("1", "2", "3"), codes, item -> costs[item]);
        assertEquals(SemanticId.parse("0-0-1"), plain.ids().get(1));
    }

    @Test
    void largeCatalogueIsFast() {
        int n = 200_000;
        Random rnd = new Random(1);
        List<String> ids = new ArrayList<>(n);
        int[][] codes = new int[n][];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
            codes[i] = new int[] {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(4)};
        }
        long t0 = System.nanoTime();
        Assignment a = assigner.assign(ids, codes);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(n, a.ids().size());
        assertTrue(a.before().distinctIds() < n);
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }
}
