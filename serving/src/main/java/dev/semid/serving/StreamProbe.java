package dev.semid.serving;

/**
 * Points of the stream's commit protocol where a crash is the hardest to survive, reported as the
 * stream passes them. The service's own probe does nothing; a fault test registers one that
 * halts the process at the n-th passing, which is a real crash at a known step.
 */
@FunctionalInterface
public interface StreamProbe {
    enum Point {
        /** An item's ID is acknowledged on the output topic; the index commit that holds it has not run (reported on the producer's I/O thread). */
        OUTPUT_ACKNOWLEDGED,
        /** An index commit is durable; the claims offsets and the hand-over tickets it covers are not committed yet. */
        INDEX_COMMITTED
    }

    StreamProbe NONE = p -> {};

    void reached(Point p);
}
