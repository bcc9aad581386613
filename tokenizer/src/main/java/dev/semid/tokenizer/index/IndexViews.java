package dev.semid.tokenizer.index;

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
            return query.apply(new SidLookup(s, model));
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
}
