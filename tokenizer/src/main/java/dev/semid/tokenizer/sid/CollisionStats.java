package dev.semid.tokenizer.sid;

/**
 * How unique code tuples (or their prefixes) are, before any dedup token:
 * collisionRate = 1 − distinctIds / items; collidingItems = Σ over groups with size &gt; 1 of
 * their size; largestGroup = the most items sharing one tuple. All zero when there are no items.
 */
public record CollisionStats(int items, int distinctIds, double collisionRate, int collidingItems, int largestGroup) {

    /** Stats of the full code tuples (all rows must have the same number of levels). */
    public static CollisionStats of(int[][] codes) {
        return tally(codes).stats();
    }

    /** {@link #of(int[][])} as a {@link CollisionTally}, for callers that merge the tallies of several parts. */
    public static CollisionTally tally(int[][] codes) {
        int levels = codes.length == 0 ? 0 : codes[0].length;
        for (int i = 0; i < codes.length; i++)
            if (codes[i] == null || codes[i].length != levels)
                throw new IllegalArgumentException("item " + i + " has " + (codes[i] == null ? 0 : codes[i].length)
                        + " codes, item 0 has " + levels);
        return tally(CodeGroups.of(codes, levels));
    }

    /** Stats of the first {@code prefixLength} codes (e.g. 2 for how well k_1, k_2 alone separate items). */
    public static CollisionStats of(int[][] codes, int prefixLength) {
        return of(CodeGroups.of(codes, prefixLength));
    }

    public static CollisionStats of(CodeGroups groups) {
        return tally(groups).stats();
    }

    private static CollisionTally tally(CodeGroups groups) {
        CollisionTally t = new CollisionTally();
        for (int g = 0; g < groups.groupCount(); g++) t.addGroup(groups.size(g));
        return t;
    }
}
