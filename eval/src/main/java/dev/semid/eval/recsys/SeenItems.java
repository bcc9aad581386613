package dev.semid.eval.recsys;

/**
 * What happens to items the user has already interacted with before the target.
 * The default is {@link #KEEP}: TIGER and GRID rank all items, as a generative model's beam
 * search does; SASRec/S3-Rec-style evaluations remove them ({@link #EXCLUDE}).
 */
public enum SeenItems {
    /** Every item is ranked, seen or not; a repeated target can be hit. */
    KEEP,
    /**
     * Items seen before the target (the whole prefix, not only the capped history) are removed
     * from the ranking; a target the user has seen before can then never be hit and counts as a miss.
     */
    EXCLUDE
}
