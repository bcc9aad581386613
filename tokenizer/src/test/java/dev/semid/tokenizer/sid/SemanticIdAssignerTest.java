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

    /** Tokens held per tuple, as a caller of place keeps them. */
    private static java.util.function.Function<CodeTuple, java.util.BitSet> held(String... sids) {
        Map<CodeTuple, java.util.BitSet> m = new HashMap<>();
        for (String s : sids) {
            SemanticId id = SemanticId.parse(s);
            m.computeIfAbsent(id.tuple(), k -> new java.util.BitSet()).set(id.dedup());
        }
        return t -> m.computeIfAbsent(t, k -> new java.util.BitSet());
    }

    /** Ranks made up for a test: rank 0 the item's own, then the given tuples. */
    private static RankedTuples ranked(int[]... tuples) {
        return rank -> rank < tuples.length ? tuples[rank].clone() : null;
    }

    @Test
    void placeTakesTheSmallestFreeTokenOfTheItemsOwnTupleWhileThereIsOne() {
        var tokens = held("1-2-3-0", "1-2-3-2");
        Placement p = assigner.place("new", ranked(new int[] {1, 2, 3}, new int[] {1, 2, 4}), 0, t -> true, tokens, null);
        assertEquals(new Placement(SemanticId.parse("1-2-3-1"), 0), p);
        assertFalse(p.spilled());
        assertEquals(SemanticId.parse("4-4-4-0"),
                assigner.place("new", RankedTuples.only(CodeTuple.of(4, 4, 4)), 0, t -> true, tokens, null).id());
    }

    @Test
    void placeSpillsToTheFirstRankedTupleWithRoomAndStopsWhereAnotherOwnerMustGoOn() {
        SemanticIdAssigner two = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        var tokens = held("7-7-0", "7-7-1", "7-8-0", "7-8-1", "7-9-1");
        RankedTuples r = ranked(new int[] {7, 7}, new int[] {7, 8}, new int[] {7, 9}, new int[] {6, 1});
        Placement p = two.place("late", r, 0, t -> true, tokens, null);
        assertEquals(new Placement(SemanticId.parse("7-9-0"), 2), p);
        assertTrue(p.spilled());
        Placement elsewhere = two.place("late", r, 0, t -> !t.equals(CodeTuple.of(7, 8)), tokens, null);
        assertEquals(new Placement(null, 1), elsewhere, "7-8 is handed out by another owner: it goes on from rank 1");
        assertFalse(elsewhere.placed());
        assertEquals(new Placement(SemanticId.parse("7-8-1"), 1), two.place("late", r, 1, t -> true, tokens, SemanticId.parse("7-8-1")),
                "the walk reaches the tuple of the ID the item holds: it keeps it");
    }

    @Test
    void placeFailsOnlyWhenEveryTupleTheItemMayTakeIsFull() {
        SemanticIdAssigner strict = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        var tokens = held("7-7-0", "7-7-1", "7-8-0", "7-8-1");
        DedupOverflowException alone = assertThrows(DedupOverflowException.class,
                () -> strict.place("late", RankedTuples.only(CodeTuple.of(7, 7)), 0, t -> true, tokens, null));
        assertTrue(alone.getMessage().contains("7-7") && alone.getMessage().contains("maxDedup is 1")
                && alone.getMessage().contains("late"), alone.getMessage());
        DedupOverflowException all = assertThrows(DedupOverflowException.class,
                () -> strict.place("late", ranked(new int[] {7, 7}, new int[] {7, 8}), 0, t -> true, tokens, null));
        assertTrue(all.getMessage().startsWith("dedup token overflow: code tuple 7-7 and all 1 tuples it could spill to hold 2 items each"),
                all.getMessage());
        assertTrue(all.getMessage().contains("item 'late' gets no ID"), all.getMessage());
        SemanticIdAssigner noSpill = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1).withSpill(false));
        assertThrows(DedupOverflowException.class,
                () -> noSpill.place("late", ranked(new int[] {7, 7}, new int[] {7, 9}), 0, t -> true, tokens, null));
    }

    @Test
    void batchSpillsTheItemsPastTheLimitInItemIdOrderAndKeepsEveryOtherId() {
        SemanticIdAssigner two = new SemanticIdAssigner(CollisionConfig.defaults().withMaxDedup(1));
        // tuple 1-1 holds five items, 1-2 one, 1-3 none: the three past the limit go to 1-2, then 1-3
        List<String> ids = List.of("e", "b", "x", "a", "d", "c");
        int[][] codes = {{1, 1}, {1, 1}, {1, 2}, {1, 1}, {1, 1}, {1, 1}};
        RankedTuples.Source alternatives = (item, own) -> own[1] == 1
                ? ranked(own, new int[] {1, 2}, new int[] {1, 3}, new int[] {2, 1})
                : ranked(own, new int[] {1, 1});
        Assignment a = two.assign(ids, codes, null, alternatives);
        Map<String, String> got = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) got.put(ids.get(i), a.ids().get(i).toString());
        assertEquals(Map.of("a", "1-1-0", "b", "1-1-1", "x", "1-2-0", "c", "1-2-1", "d", "1-3-0", "e", "1-3-1"), got);
        assertEquals(3, a.spilled());
        assertEquals(5, a.before().largestGroup(), "collisions are the quantizer's");

        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        int[][] rcodes = new int[codes.length][];
        for (int i = 0; i < codes.length; i++) rcodes[i] = codes[codes.length - 1 - i];
        Assignment b = two.assign(reversed, rcodes, null, alternatives);
        for (int i = 0; i < reversed.size(); i++) assertEquals(got.get(reversed.get(i)), b.ids().get(i).toString(), "input order does not matter");

        assertEquals(0, two.assign(List.of("p", "q"), new int[][] {{1, 1}, {1, 2}}, null, alternatives).spilled());
        DedupOverflowException full = assertThrows(DedupOverflowException.class, () -> two.assign(ids, codes, null,
                (item, own) -> ranked(own, new int[] {1, 2})));
        assertTrue(full.getMessage().contains("and all 1 tuples it could spill to"), full.getMessage());
        assertThrows(DedupOverflowException.class, () -> two.assign(ids, codes, null, null), "nowhere to spill");
        assertThrows(DedupOverflowException.class,
                () -> new SemanticIdAssigner(two.config().withSpill(false)).assign(ids, codes, null, alternatives), "spilling off");
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
