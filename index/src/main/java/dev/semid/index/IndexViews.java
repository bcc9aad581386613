package dev.semid.index;

import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;

/** Reference-counted point-in-time searchers (Lucene's SearcherManager) behind {@link SidReadable}. */
final class IndexViews implements Closeable {
    private final SearcherManager manager;
    private final IndexModel model;
    /** The calling thread's lookup on the current view: its per-segment enums survive between calls. */
    private final ThreadLocal<SidLookup> perThread = new ThreadLocal<>();

    IndexViews(SearcherManager manager, IndexModel model) {
        this.manager = manager;
        this.model = model;
    }

    <T> T read(Function<SidLookup, T> query) {
        IndexSearcher s;
        try {
            s = manager.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            SidLookup l = perThread.get();
            if (l == null || l.searcher() != s) { // a new view since this thread's last call
                l = new SidLookup(s, model);
                perThread.set(l);
            }
            return query.apply(l);
        } finally {
            try {
                manager.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    void refresh() {
        try {
            manager.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() throws IOException { manager.close(); }

    /** Closes a directory after a failure to open an index over it: the original failure is what the caller needs. */
    static void closeQuietly(org.apache.lucene.store.Directory d) {
        try {
            if (d != null) d.close();
        } catch (IOException ignored) {
            // keep the original failure
        }
    }
}
