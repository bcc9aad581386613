package dev.semid.tokenizer.sid;

import java.util.Arrays;

/**
 * Items grouped by their first p codes: items i and j share a group iff
 * codes[i][0..p) = codes[j][0..p). With p = L these are the collision groups of full code
 * tuples; with p = L−1 the prefixes whose last level re-assignment works on.
 *
 * <p>Groups are numbered in order of first appearance and list their members in input order.
 * The tuples are hashed ({@link CodeTuple#hash(int[], int)}) in an open-addressing table of ints
 * (no boxing, no string keys), so grouping a million items costs a few tens of milliseconds.
 */
public final class CodeGroups {
    private final int prefixLength;
    private final int[] groupOf;   // item -> group
    private final int[] start;     // members of group g: members[start[g] .. start[g + 1])
    private final int[] members;
    private final int[][] codes;   // the rows grouped, and the table that grouped them, for find
    private final int[] table;

    private CodeGroups(int prefixLength, int[] groupOf, int[] start, int[] members, int[][] codes, int[] table) {
        this.prefixLength = prefixLength;
        this.groupOf = groupOf;
        this.start = start;
        this.members = members;
        this.codes = codes;
        this.table = table;
    }

    /** Groups by the first {@code prefixLength} codes; every row needs at least that many. */
    public static CodeGroups of(int[][] codes, int prefixLength) {
        if (prefixLength < 0) throw new IllegalArgumentException("negative prefix length " + prefixLength);
        int n = codes.length;
        for (int i = 0; i < n; i++) {
            if (codes[i] == null) throw new IllegalArgumentException("codes of item " + i + " are missing");
            if (codes[i].length < prefixLength)
                throw new IllegalArgumentException("item " + i + " has " + codes[i].length
                        + " codes, fewer than the prefix length " + prefixLength);
        }
        int capacity = Integer.highestOneBit(Math.max(4, n) * 2 - 1) << 1; // power of two, load <= 1/2
        int mask = capacity - 1;
        int[] table = new int[capacity];         // a group's first item + 1; 0 = empty slot
        int[] groupOf = new int[n];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            int[] row = codes[i];
            int slot = CodeTuple.hash(row, prefixLength) & mask;
            while (true) {
                int first = table[slot] - 1; // the first item of the slot's group
                if (first < 0) {
                    table[slot] = i + 1;
                    groupOf[i] = groups++;
                    break;
                }
                if (CodeTuple.samePrefix(codes[first], row, prefixLength)) {
                    groupOf[i] = groupOf[first];
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        // Counting sort of items by group keeps input order inside each group.
        int[] start = new int[groups + 1];
        for (int g : groupOf) start[g + 1]++;
        for (int g = 0; g < groups; g++) start[g + 1] += start[g];
        int[] fill = Arrays.copyOf(start, groups);
        int[] members = new int[n];
        for (int i = 0; i < n; i++) members[fill[groupOf[i]]++] = i;
        return new CodeGroups(prefixLength, groupOf, start, members, codes, table);
    }

    /**
     * The group of the items whose first {@link #prefixLength} codes are those of {@code row}, or −1
     * if none; as grouped, so the rows' prefixes must not have changed since.
     */
    public int find(int[] row) {
        if (row.length < prefixLength)
            throw new IllegalArgumentException(row.length + " codes, fewer than the prefix length " + prefixLength);
        int mask = table.length - 1;
        for (int slot = CodeTuple.hash(row, prefixLength) & mask; ; slot = (slot + 1) & mask) {
            int first = table[slot] - 1;
            if (first < 0) return -1;
            if (CodeTuple.samePrefix(codes[first], row, prefixLength)) return groupOf[first];
        }
    }

    public int prefixLength() { return prefixLength; }
    public int items() { return groupOf.length; }
    public int groupCount() { return start.length - 1; }
    public int groupOf(int item) { return groupOf[item]; }
    public int size(int group) { return start[group + 1] - start[group]; }

    /** The members of a group, in input order (a copy). */
    public int[] members(int group) { return Arrays.copyOfRange(members, start[group], start[group + 1]); }

    /** The r-th member of a group in input order, without copying. */
    public int member(int group, int r) { return members[start[group] + r]; }

    /** Size of the largest group (0 when there are no items). */
    public int largestGroup() {
        int max = 0;
        for (int g = 0; g < groupCount(); g++) max = Math.max(max, size(g));
        return max;
    }
}
