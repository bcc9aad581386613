package dev.semid.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Read-only access to an index on disk, at its last commit; {@link #refresh()} picks up newer
 * commits (e.g. from a writer in another process). Many readers may be open beside one writer.
 */
public final class SidIndexReader implements SidReadable, AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final IndexViews views;
    private final IndexModel model;

    private SidIndexReader(Path dir, Directory directory, IndexViews views, IndexModel model) {
        this.dir = dir;
        this.directory = directory;
        this.views = views;
        this.model = model;
    }

    /**
     * Opens the index in {@code dir}. With {@code expectedFingerprint} non-null, an index built
     * for another model is refused.
     */
    public static SidIndexReader open(Path dir, String expectedFingerprint) {
        if (!Files.isDirectory(dir)) throw new IndexException("no semid index at " + dir + " (no such directory)");
        Directory directory = null;
        try {
            directory = FSDirectory.open(dir);
            DirectoryReader reader = DirectoryReader.open(directory);
            IndexModel model = SidIndexSchema.modelOf(reader.getIndexCommit().getUserData(), "index " + dir);
            if (expectedFingerprint != null && !expectedFingerprint.equals(model.fingerprint())) {
                reader.close();
                throw new IndexException("index " + dir + " was built for model " + model.fingerprint() + ", not for model "
                        + expectedFingerprint + "; its IDs mean nothing under this model (rebuild it with --reindex)");
            }
            return new SidIndexReader(dir, directory, new IndexViews(new SearcherManager(reader, null), model), model);
        } catch (IndexNotFoundException e) {
            IndexViews.closeQuietly(directory);
            throw new IndexException("no semid index at " + dir + " (no Lucene commit in it)");
        } catch (IndexException e) {
            IndexViews.closeQuietly(directory);
            throw e;
        } catch (IOException | RuntimeException e) {
            IndexViews.closeQuietly(directory);
            throw new IndexException("index " + dir + " cannot be read (corrupt or not an index): " + e, e);
        }
    }

    @Override public IndexModel model() { return model; }

    @Override public <T> T read(Function<SidLookup, T> query) { return views.read(query); }

    @Override public void refresh() { views.refresh(); }

    /** Size and commit data of the index's latest commit. */
    public IndexStats stats() {
        try (DirectoryReader r = DirectoryReader.open(directory)) {
                long bytes = 0;
                for (String f : directory.listAll()) if (!f.equals("write.lock")) bytes += directory.fileLength(f);
                Map<String, String> data = new TreeMap<>(r.getIndexCommit().getUserData());
                long items = r.numDocs();
                return new IndexStats(dir.toString(), model, model.idFormat(), items, bytes, items == 0 ? 0 : (double) bytes / items,
                        r.getIndexCommit().getGeneration(), data);
        } catch (IOException e) {
            throw new IndexException("index " + dir + " cannot be read: " + e, e);
        }
    }

    @Override public void close() {
        try {
            views.close();
            directory.close();
        } catch (IOException e) {
            throw new IndexException("closing index " + dir + ": " + e, e);
        }
    }
}
