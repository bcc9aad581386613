package dev.semid.tokenizer.sid;

import java.io.Serializable;

/**
 * The sums {@link CollisionStats} is made of, taken group by group: tallies of disjoint sets of
 * groups (no tuple in two of them) merge into the tally of their union, so the stats of a
 * catalogue can be counted part by part where its groups are formed apart (a Spark partition's
 * tuples) and still come out exactly as over the whole.
 */
public final class CollisionTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private long items, groups, collidingItems;
    private int largestGroup;

    /** Counts one group of {@code size} ≥ 1 items sharing a tuple. */
    public void addGroup(int size) {
        if (size < 1) throw new IllegalArgumentException("a group has at least one item, got " + size);
        items += size;
        groups++;
        if (size > 1) collidingItems += size;
        largestGroup = Math.max(largestGroup, size);
    }

    /** Adds the groups of {@code other}, which shares none with this tally. */
    public void merge(CollisionTally other) {
        items += other.items;
        groups += other.groups;
        collidingItems += other.collidingItems;
        largestGroup = Math.max(largestGroup, other.largestGroup);
    }

    public long items() { return items; }

    public CollisionStats stats() {
        double rate = items == 0 ? 0.0 : 1.0 - (double) groups / items;
        return new CollisionStats(Math.toIntExact(items), Math.toIntExact(groups), rate, Math.toIntExact(collidingItems),
                largestGroup);
    }
}
