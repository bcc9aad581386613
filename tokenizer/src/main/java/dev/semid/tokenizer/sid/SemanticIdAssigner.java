package dev.semid.tokenizer.sid;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one place that makes semantic IDs unique (as in TIGER): items sharing a code tuple
 * (k_1..k_L) are ordered by {@link ItemIdOrder} and get k_{L+1} = their rank in that order, so
 * the i-th item of a group (from 0) gets token i, whatever the input order. Tokens never wrap: the
 * items of a group past {@code maxDedup} spill ({@link #place}: the nearest tuple with a free token,
 * when the caller ranks the alternatives and {@link CollisionConfig#spill()} is on), else
 * {@link DedupOverflowException} is thrown.
 *
 * <p>With {@link CollisionConfig#reassign()} on, {@link #assign(List, int[][], LastLevelCosts)}
 * first moves colliding items to free last-level codes ({@link SinkhornReassigner}) and then
 * numbers what still collides.
 */
public final class SemanticIdAssigner {
    private static final int SAMPLE_IDS = 5;

    private final CollisionConfig config;

    public SemanticIdAssigner(CollisionConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public SemanticIdAssigner() {
        this(CollisionConfig.defaults());
    }

    public CollisionConfig config() { return config; }

    /**
     * Dedup tokens only. {@code itemIds} must be unique and aligned with {@code codes}; all rows
     * have the same number L ≥ 1 of non-negative codes. The input is not modified.
     */
    public Assignment assign(List<String> itemIds, int[][] codes) {
        String[] ids = validate(itemIds, codes);
        CodeGroups groups = CodeGroups.of(codes, codes.length == 0 ? 0 : codes[0].length);
        return number(ids, codes, groups, CollisionStats.of(groups), null);
    }

    /** {@link #assign(List, int[][], LastLevelCosts, RankedTuples.Source)} with nowhere to spill. */
    public Assignment assign(List<String> itemIds, int[][] codes, LastLevelCosts costs) {
        return assign(itemIds, codes, costs, null);
    }

    /**
     * Re-assignment (when the config asks for it), dedup tokens, then the items past a tuple's
     * limit spilled ({@link #place}) in {@link ItemIdOrder} over all of them, each after every item
     * the quantizer put in a tuple itself, so the IDs depend on the set of items, not their order.
     * {@code ranking} ranks an item's tuples from its codes (null: nowhere to spill). {@code before}
     * is still measured on the input codes, i.e. on what the quantizer itself produced.
     */
    public Assignment assign(List<String> itemIds, int[][] codes, LastLevelCosts costs, RankedTuples.Source ranking) {
        String[] ids = validate(itemIds, codes);
        int levels = codes.length == 0 ? 0 : codes[0].length;
        CodeGroups quantized = CodeGroups.of(codes, levels);
        if (!config.reassign()) return number(ids, codes, quantized, CollisionStats.of(quantized), ranking);
        int[][] moved = new SinkhornReassigner().reassign(itemIds, codes, costs, config);
        return number(ids, moved, CodeGroups.of(moved, levels), CollisionStats.of(quantized), ranking);
    }

    /**
     * The one rule for where an item's ID goes, in the batch path and the stream alike: walk its
     * ranked tuples from rank {@code from}, and stop
     * <ul>
     *   <li>at a tuple whose tokens this caller does not hand out ({@code owned} rejects it): no ID,
     *       and that rank, for the caller that does;</li>
     *   <li>at the tuple of {@code current}, an ID the item holds already (or null): it keeps it;</li>
     *   <li>at the first tuple with a token ≤ maxDedup free in {@code tokens} (the tokens held under
     *       a tuple): the smallest such token.</li>
     * </ul>
     * An item whose own tuple (rank 0) has a token free gets it, as it did before spilling existed.
     * With spilling off only rank 0 is tried.
     *
     * @throws DedupOverflowException when the ranking ends first: every tuple the item may take is full
     */
    public Placement place(String itemId, RankedTuples ranked, int from, Predicate<CodeTuple> owned,
                           Function<CodeTuple, BitSet> tokens, SemanticId current) {
        Objects.requireNonNull(itemId, "item id");
        if (from < 0) throw new IllegalArgumentException("negative rank " + from);
        for (int rank = from; ; rank++) {
            int[] codes = config.spill() || rank == 0 ? ranked.tuple(rank) : null;
            if (codes == null) {
                int[] own = ranked.tuple(0);
                if (rank <= 1) throw new DedupOverflowException(own, config.maxDedup() + 2, config.maxDedup(), List.of(itemId), 0);
                throw DedupOverflowException.everyAlternativeFull(own, rank - 1, config.maxDedup(), itemId);
            }
            CodeTuple tuple = CodeTuple.of(codes);
            if (!owned.test(tuple)) return new Placement(null, rank);
            if (current != null && current.tuple().equals(tuple)) return new Placement(current, rank);
            int free = tokens.apply(tuple).nextClearBit(0);
            if (free <= config.maxDedup()) return new Placement(new SemanticId(tuple, free), rank);
        }
    }

    private Assignment number(String[] ids, int[][] codes, CodeGroups groups, CollisionStats before, RankedTuples.Source ranking) {
        boolean spill = ranking != null && config.spill();
        if (!spill) checkOverflow(ids, codes, groups);
        SemanticId[] out = new SemanticId[ids.length];
        List<Integer> over = new ArrayList<>();
        for (int g = 0; g < groups.groupCount(); g++) {
            int size = groups.size(g);
            CodeTuple tuple = CodeTuple.of(codes[groups.member(g, 0)]); // one per group: its members share it
            if (size == 1) {
                out[groups.member(g, 0)] = new SemanticId(tuple, 0);
                continue;
            }
            Integer[] members = sortedMembers(ids, groups, g);
            for (int r = 0; r < size; r++) {
                if (r <= config.maxDedup()) out[members[r]] = new SemanticId(tuple, r);
                else over.add(members[r]);
            }
        }
        if (!over.isEmpty()) spill(ids, codes, groups, ranking, over, out);
        return new Assignment(Arrays.asList(out), before, over.size());
    }

    /** Places the items past their tuple's limit, in ItemIdOrder; a tuple's tokens are its items' 0..n−1 and those spilled into it. */
    private void spill(String[] ids, int[][] codes, CodeGroups groups, RankedTuples.Source ranking, List<Integer> over, SemanticId[] out) {
        over.sort((a, b) -> ItemIdOrder.INSTANCE.compare(ids[a], ids[b]));
        Map<CodeTuple, BitSet> held = new HashMap<>();
        Function<CodeTuple, BitSet> tokens = t -> held.computeIfAbsent(t, k -> {
            int g = groups.find(k.toArray());
            BitSet b = new BitSet();
            if (g >= 0) b.set(0, Math.min(groups.size(g), config.maxDedup() + 1));
            return b;
        });
        for (int i : over) {
            SemanticId id = place(ids[i], ranking.of(i, codes[i]), 1, t -> true, tokens, null).id();
            tokens.apply(id.tuple()).set(id.dedup());
            out[i] = id;
        }
    }

    /** Throws for the largest group past the limit (ties: smallest tuple), counting the others. */
    private void checkOverflow(String[] ids, int[][] codes, CodeGroups groups) {
        int worst = -1, overflowing = 0;
        for (int g = 0; g < groups.groupCount(); g++) {
            int size = groups.size(g);
            if (size - 1 <= config.maxDedup()) continue;
            overflowing++;
            if (worst < 0 || size > groups.size(worst) || (size == groups.size(worst)
                    && CodeTuple.compare(codes[groups.member(g, 0)], codes[groups.member(worst, 0)]) < 0))
                worst = g;
        }
        if (worst < 0) return;
        Integer[] members = sortedMembers(ids, groups, worst);
        List<String> sample = new ArrayList<>();
        for (int r = 0; r < Math.min(SAMPLE_IDS, members.length); r++) sample.add(ids[members[r]]);
        throw new DedupOverflowException(codes[members[0]], members.length, config.maxDedup(), sample, overflowing - 1);
    }

    private static Integer[] sortedMembers(String[] ids, CodeGroups groups, int g) {
        Integer[] members = new Integer[groups.size(g)];
        for (int r = 0; r < members.length; r++) members[r] = groups.member(g, r);
        Arrays.sort(members, (a, b) -> ItemIdOrder.INSTANCE.compare(ids[a], ids[b]));
        return members;
    }

    /** Checks alignment, ids, and code rows; returns the ids as an array (random access). */
    static String[] validate(List<String> itemIds, int[][] codes) {
        Objects.requireNonNull(itemIds, "item ids");
        Objects.requireNonNull(codes, "codes");
        if (itemIds.size() != codes.length)
            throw new IllegalArgumentException(itemIds.size() + " item ids for " + codes.length + " code tuples");
        String[] ids = itemIds.toArray(new String[0]);
        if (ids.length == 0) return ids;
        int levels = codes[0] == null ? 0 : codes[0].length;
        if (levels == 0) throw new IllegalArgumentException("item '" + ids[0] + "' has no codes");
        Set<String> seen = HashSet.newHashSet(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) throw new IllegalArgumentException("item id " + i + " is null");
            if (!seen.add(ids[i])) throw new IllegalArgumentException("item id '" + ids[i] + "' appears more than once");
            checkRow(ids[i], codes[i], levels);
        }
        return ids;
    }

    private static void checkRow(String id, int[] row, int levels) {
        if (row == null || row.length == 0) throw new IllegalArgumentException("item '" + id + "' has no codes");
        if (row.length != levels)
            throw new IllegalArgumentException("item '" + id + "' has " + row.length + " codes, expected " + levels);
        for (int c : row)
            if (c < 0) throw new IllegalArgumentException("item '" + id + "' has a negative code: " + Arrays.toString(row));
    }
}
