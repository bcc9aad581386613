package dev.semid.tokenizer.sid;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that makes semantic IDs unique (as in TIGER): items sharing a code tuple
 * (k_1..k_L) are ordered by {@link ItemIdOrder} and get k_{L+1} = their rank in that order, so
 * the i-th item of a group (from 0) gets token i, whatever the input order. A group that would
 * need a token above {@code maxDedup} throws {@link DedupOverflowException}; tokens never wrap.
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
        return number(ids, codes, groups, CollisionStats.of(groups));
    }

    /**
     * Re-assignment (when the config asks for it) followed by dedup tokens. {@code before} is still
     * measured on the input codes, i.e. on what the quantizer itself produced.
     */
    public Assignment assign(List<String> itemIds, int[][] codes, LastLevelCosts costs) {
        if (!config.reassign()) return assign(itemIds, codes);
        String[] ids = validate(itemIds, codes);
        int levels = codes.length == 0 ? 0 : codes[0].length;
        CollisionStats before = CollisionStats.of(CodeGroups.of(codes, levels));
        int[][] moved = new SinkhornReassigner().reassign(itemIds, codes, costs, config);
        return number(ids, moved, CodeGroups.of(moved, levels), before);
    }

    /**
     * Streaming form: the smallest token t ≤ maxDedup for which {@code taken} rejects
     * (tuple, t). Existing IDs never change, so the token follows arrival order here, not
     * {@link ItemIdOrder}.
     */
    public SemanticId assignOne(String itemId, CodeTuple tuple, Predicate<SemanticId> taken) {
        Objects.requireNonNull(itemId, "item id");
        Objects.requireNonNull(tuple, "code tuple");
        Objects.requireNonNull(taken, "taken");
        for (int t = 0; t <= config.maxDedup(); t++) {
            SemanticId id = new SemanticId(tuple, t);
            if (!taken.test(id)) return id;
        }
        throw new DedupOverflowException(tuple.toArray(), config.maxDedup() + 2, config.maxDedup(), List.of(itemId), 0);
    }

    private Assignment number(String[] ids, int[][] codes, CodeGroups groups, CollisionStats before) {
        checkOverflow(ids, codes, groups);
        SemanticId[] out = new SemanticId[ids.length];
        for (int g = 0; g < groups.groupCount(); g++) {
            int size = groups.size(g);
            CodeTuple tuple = CodeTuple.of(codes[groups.member(g, 0)]); // one per group: its members share it
            if (size == 1) {
                out[groups.member(g, 0)] = new SemanticId(tuple, 0);
                continue;
            }
            Integer[] members = sortedMembers(ids, groups, g);
            for (int r = 0; r < size; r++) out[members[r]] = new SemanticId(tuple, r);
        }
        return new Assignment(Arrays.asList(out), before);
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
