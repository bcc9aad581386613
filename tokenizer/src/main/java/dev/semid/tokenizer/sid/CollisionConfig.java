package dev.semid.tokenizer.sid;

/**
 * How colliding code tuples are made unique.
 *
 * @param maxDedup          largest allowed dedup token; a code tuple shared by more than
 *                          {@code maxDedup + 1} items fails loudly instead of wrapping
 * @param reassign          run the LC-Rec Sinkhorn re-assignment of last-level codes before the
 *                          dedup token
 * @param reassignRounds    at most this many re-assignment rounds
 * @param sinkhornIterations Sinkhorn–Knopp iterations per colliding prefix
 * @param sinkhornEpsilon   entropic regularisation relative to the cost scale (the median cost of
 *                          the prefix's moved items), so one value works for any embedding scale
 * @param spill             an item whose code tuple has no dedup token left takes the nearest tuple
 *                          that has one (where the caller gives the alternatives); off, it fails
 */
public record CollisionConfig(int maxDedup, boolean reassign, int reassignRounds,
                              int sinkhornIterations, double sinkhornEpsilon, boolean spill) {

    public static final int DEFAULT_MAX_DEDUP = 255;

    public CollisionConfig {
        if (maxDedup < 0)
            throw new IllegalArgumentException("maxDedup must be >= 0 (0 means no two items may share a code tuple), got " + maxDedup);
        if (reassignRounds < 1)
            throw new IllegalArgumentException("reassignRounds must be >= 1, got " + reassignRounds);
        if (sinkhornIterations < 1)
            throw new IllegalArgumentException("sinkhornIterations must be >= 1, got " + sinkhornIterations);
        if (!(sinkhornEpsilon > 0) || Double.isInfinite(sinkhornEpsilon))
            throw new IllegalArgumentException("sinkhornEpsilon must be a finite number > 0, got " + sinkhornEpsilon);
    }

    /** The five-setting form, with spilling on. */
    public CollisionConfig(int maxDedup, boolean reassign, int reassignRounds, int sinkhornIterations, double sinkhornEpsilon) {
        this(maxDedup, reassign, reassignRounds, sinkhornIterations, sinkhornEpsilon, true);
    }

    /** Dedup tokens 0..255 (TIGER's recipe), no re-assignment, spilling past 255. */
    public static CollisionConfig defaults() {
        return new CollisionConfig(DEFAULT_MAX_DEDUP, false, 10, 50, 0.05, true);
    }

    public CollisionConfig withMaxDedup(int value) {
        return new CollisionConfig(value, reassign, reassignRounds, sinkhornIterations, sinkhornEpsilon, spill);
    }

    public CollisionConfig withReassign(boolean value) {
        return new CollisionConfig(maxDedup, value, reassignRounds, sinkhornIterations, sinkhornEpsilon, spill);
    }

    public CollisionConfig withSpill(boolean value) {
        return new CollisionConfig(maxDedup, reassign, reassignRounds, sinkhornIterations, sinkhornEpsilon, value);
    }
}
