package dev.semid.tokenizer.sid;


/**
 * How unique code tuples (or their prefixes) are, before any dedup token:
 * collisionRate = 1 − distinctIds / items; collidingItems = Σ over groups with size &gt; 1 of
 * their size; largestGroup = the most items sharing one tuple. All zero when there are no items.
 */
public record CollisionStats(int items, int distinctIds, double collisionRate, int collidingItems, int largestGroup) {

    /** Stats of the full code tuples (all rows must have the same number of levels). */
    public static CollisionStats of(int[][] codes) {
        int levels = codes.length == 0 ? 0 : codes[0].length;
        for (int i = 0; i < codes.length; i++)
            if (codes[i] == null || codes[i].length != levels)
                throw new IllegalArgumentException("item " + i + " has " + (codes[i] == null ? 0 : codes[i].length)
                        + " codes, item 0 has " + levels);
        return of(codes, levels);
    }

    /** Stats of the first {@code prefixLength} codes (e.g. 2 for how well k_1, k_2 alone separate items). */
    public static CollisionStats of(int[][] codes, int prefixLength) {
        return of(CodeGroups.of(codes, prefixLength));
    }

    public static CollisionStats of(CodeGroups groups) {
        int items = groups.items();
        int distinct = groups.groupCount();
        int colliding = 0;
        int largest = 0;
        for (int g = 0; g < distinct; g++) {
            int s = groups.size(g);
            if (s > 1) colliding += s;
            largest = Math.max(largest, s);
        }
        double rate = items == 0 ? 0.0 : 1.0 - (double) distinct / items;
        return new CollisionStats(items, distinct, rate, colliding, largest);
    }
}
