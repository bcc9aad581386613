package dev.semid.index;

import java.util.function.Function;

/**
 * Read access to an index, shared by the read-only {@link SidIndexReader} and the
 * {@link SidIndexWriter}'s near-real-time view. Any number of threads may read at once; each
 * call sees one consistent point in time.
 */
public interface SidReadable {
    IndexModel model();

    /** Runs {@code query} on the current view; the {@link SidLookup} must not escape the call. */
    <T> T read(Function<SidLookup, T> query);

    /** Makes changes committed (reader) or written (writer) since the last refresh visible. */
    void refresh();
}
