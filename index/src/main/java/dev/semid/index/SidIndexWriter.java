package dev.semid.index;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one writer of an index (Lucene's write lock enforces it across processes), with a
 * near-real-time view for readers in the same process. Nothing is visible to other processes
 * until {@link #commit}: a Lucene commit is atomic, so a process killed at any moment leaves the
 * previous commit whole. Upserts keep both keys unique: an item has one document (re-tokenizing
 * replaces it) and an ID has one item.
 */
public final class SidIndexWriter implements SidReadable, AutoCloseable {
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private final IndexViews views;
    private final IndexModel model;
    /** Commit data of the last commit this writer made, or opened on. */
    private volatile Map<String, String> lastCommit;
    /** Caller data of the last commit, carried into the next ones (see {@link #commit(Map)}). */
    private final Map<String, String> carried;
    private final Object commitLock = new Object();
    /** True while every document came from {@link #load}: the index was empty when opened. */
    private boolean loadOnly;

    /** Commit data key: the model an index was built for before a descendant model took it over. */
    public static final String ADOPTED_FROM = "adoptedFrom";

    private SidIndexWriter(Path dir, Directory directory, IndexWriter writer, IndexModel model, Map<String, String> openedWith)
            throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.model = model;
        this.lastCommit = Map.copyOf(openedWith);
        this.views = new IndexViews(new SearcherManager(writer, null), model);
        this.loadOnly = writer.getDocStats().numDocs == 0;
        this.carried = new HashMap<>(committedUserData());
    }

    /** Opens or creates the index in {@code dir} for {@code model}, with default buffering. */
    public static SidIndexWriter open(Path dir, IndexModel model, boolean reindex) {
        return open(dir, model, reindex, 64);
    }

    /**
     * Opens or creates the index in {@code dir} for {@code model}. An index built for another
     * model is refused unless {@code reindex}: then it is emptied, and the old content stays
     * readable until the first {@link #commit}.
     */
    public static SidIndexWriter open(Path dir, IndexModel model, boolean reindex, double ramBufferMb) {
        return open(dir, model, reindex, ramBufferMb, java.util.List.of());
    }

    /**
     * As above; an index built for one of {@code ancestors} — models the new one was aligned to,
     * so its codes keep their numbers' meaning — is taken over as it is: its IDs stay, new ones
     * come from the new model, and a commit on opening records the new model (and the old one
     * under {@link #ADOPTED_FROM}) for every later reader.
     */
    public static SidIndexWriter open(Path dir, IndexModel model, boolean reindex, double ramBufferMb, java.util.List<String> ancestors) {
        return open(dir, model, reindex, ramBufferMb, ancestors, IndexStorage.FILES);
    }

    /** As above, with the index's files in {@code storage}. */
    public static SidIndexWriter open(Path dir, IndexModel model, boolean reindex, double ramBufferMb, java.util.List<String> ancestors,
                                      IndexStorage storage) {
        Directory directory = null;
        try {
            Files.createDirectories(dir);
            directory = storage.open(dir);
            Map<String, String> existing = Map.of();
            String adoptedFrom = null;
            boolean exists = org.apache.lucene.index.DirectoryReader.indexExists(directory);
            if (exists && !reindex) {
                existing = SegmentInfos.readLatestCommit(directory).getUserData();
                IndexModel built = SidIndexSchema.modelOf(existing, "index " + dir);
                adoptedFrom = built.equals(model) ? null : built.fingerprint();
                boolean descendant = built.levels() == model.levels() && built.codebookSize() == model.codebookSize()
                        && ancestors.contains(built.fingerprint());
                if (adoptedFrom != null && !descendant)
                    throw new IndexException("index " + dir + " was built for model " + built.fingerprint() + " (" + built.idFormat()
                            + "), not for model " + model.fingerprint() + " (" + model.idFormat() + "), and the new model was not aligned to it"
                            + " (train it with --align-to the old model); switch the index with `semid index migrate`, or re-index explicitly"
                            + " (--reindex) to rebuild it for this model");
            }
            IndexWriterConfig cfg = new IndexWriterConfig()
                    .setOpenMode(reindex ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setCodec(SidIndexSchema.codec())
                    .setCommitOnClose(false)
                    // no waiting for merges of small segments on every refresh and commit: the stream refreshes often
                    .setMaxFullFlushMergeWaitMillis(0)
                    // writers do not help flush the segments a refresh or commit queued: a stream's writer
                    // would otherwise stall for a whole segment flush while a commit runs on another thread
                    .setCheckPendingFlushUpdate(false);
            SidIndexWriter w = new SidIndexWriter(dir, directory, new IndexWriter(directory, cfg), model, existing);
            if (adoptedFrom != null) {
                try {
                    w.commit(Map.of(ADOPTED_FROM, adoptedFrom));
                } catch (RuntimeException e) {
                    w.close();
                    throw e;
                }
            }
            return w;
        } catch (LockObtainFailedException e) {
            IndexViews.closeQuietly(directory);
            throw new IndexException("index " + dir + " is locked by another writer (an index has one writer at a time): " + e.getMessage(), e);
        } catch (IndexException e) {
            IndexViews.closeQuietly(directory);
            throw e;
        } catch (IOException | RuntimeException e) {
            IndexViews.closeQuietly(directory);
            throw new IndexException("index " + dir + " cannot be opened for writing: " + e, e);
        }
    }

    @Override public IndexModel model() { return model; }

    public Path directory() { return dir; }

    /**
     * Caller entries (keys without the {@link SidIndexSchema#USER_PREFIX}) of the last commit this
     * writer made, or opened on: e.g. the stream positions a service stored with it, from which it
     * resumes after a failure (what this writer holds includes at least that commit).
     */
    public Map<String, String> committedUserData() {
        Map<String, String> out = new HashMap<>();
        lastCommit.forEach((k, v) -> {
            if (k.startsWith(SidIndexSchema.USER_PREFIX)) out.put(k.substring(SidIndexSchema.USER_PREFIX.length()), v);
        });
        return out;
    }

    /**
     * Inserts or replaces the entries, keyed by item id. Refused as a whole (nothing written) if
     * an ID does not fit the model, an item or ID appears twice in the batch, or an ID is held by
     * an item outside the batch.
     */
    public synchronized void upsert(List<SidEntry> batch) { upsert(batch, false); }

    /**
     * Inserts or replaces the entries like {@link #upsert}, but an ID held by an item outside the
     * batch is taken from it (that item's document is deleted): for replicas applying a stream of
     * newer assignments, where the holder's own newer record follows.
     */
    public synchronized void upsertReplacing(List<SidEntry> batch) { upsert(batch, true); }

    /**
     * Inserts or replaces the entries without checking them against the index and without
     * refreshing the view: for a caller that decided every ID against a current view of its own
     * (the stream's assigner, which alone hands out the tokens of its code tuples). Entries are
     * still checked against the model and against each other. The items in {@code absent} are
     * known not to be in the index: they are added without a delete by their id, which spares
     * the delete's lookup in every segment at the next flush.
     */
    public synchronized void upsertTrusted(List<SidEntry> batch, Set<String> absent) {
        loadOnly = false;
        checkBatch(batch);
        try {
            for (SidEntry e : batch)
                if (absent.contains(e.itemId())) writer.addDocument(SidIndexSchema.document(e));
                else writer.updateDocument(SidIndexSchema.itemTerm(e.itemId()), SidIndexSchema.document(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The item ids of a batch, after checking its IDs against the model and its items and IDs for repeats. */
    private Set<String> checkBatch(List<SidEntry> batch) {
        Map<String, String> itemBySid = HashMap.newHashMap(batch.size());
        Set<String> items = HashSet.newHashSet(batch.size());
        for (SidEntry e : batch) {
            model.check(e.sid());
            if (!items.add(e.itemId())) throw new IllegalArgumentException("item '" + e.itemId() + "' appears twice in one update");
            String other = itemBySid.put(e.sid().toString(), e.itemId());
            if (other != null)
                throw new IllegalArgumentException("items '" + other + "' and '" + e.itemId() + "' both carry semantic ID " + e.sid());
        }
        return items;
    }

    private void upsert(List<SidEntry> batch, boolean evictHolders) {
        loadOnly = false;
        Set<String> items = checkBatch(batch);
        views.refresh();
        List<String> evict = new ArrayList<>();
        views.read(l -> {
            for (SidEntry e : batch)
                l.holder(e.sid()).ifPresent(h -> {
                    if (h.itemId().equals(e.itemId()) || items.contains(h.itemId())) return;
                    if (!evictHolders)
                        throw new IndexException("semantic ID " + e.sid() + " for item '" + e.itemId() + "' is already held by item '"
                                + h.itemId() + "' in index " + dir);
                    evict.add(h.itemId());
                });
            return null;
        });
        try {
            if (!evict.isEmpty()) writer.deleteDocuments(evict.stream().map(SidIndexSchema::itemTerm).toArray(Term[]::new));
            for (SidEntry e : batch) writer.updateDocument(SidIndexSchema.itemTerm(e.itemId()), SidIndexSchema.document(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True while the writer may {@link #load}: the index was empty (or re-indexed) when opened and
     * nothing but loads has been written since.
     */
    public synchronized boolean loadable() { return loadOnly; }

    /**
     * True once Lucene has closed this writer after an error it cannot undo (a "tragic" one, such as
     * a full disk during a flush): nothing more can be written through it; a new writer opened on the
     * directory starts from the last commit.
     */
    public boolean broken() { return !writer.isOpen() || writer.getTragicException() != null; }

    /**
     * Bulk load into an index that was empty when opened: plain adds, no per-item uniqueness
     * check against the index and no delete-by-term, which is what makes bulk builds fast.
     * The caller guarantees that items and IDs are unique across all loads (as
     * {@link SidIndexBuilder} checks); each entry is still checked against the model.
     */
    public synchronized void load(List<SidEntry> batch) {
        if (!loadOnly) throw new IllegalStateException("index " + dir + " was not empty when opened, or has had upserts: use upsert");
        for (SidEntry e : batch) model.check(e.sid());
        try {
            for (SidEntry e : batch) writer.addDocument(SidIndexSchema.document(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes these items; returns how many were in the index. */
    public synchronized int delete(Collection<String> itemIds) {
        loadOnly = false;
        views.refresh();
        int found = views.read(l -> (int) itemIds.stream().distinct().filter(id -> l.item(id).isPresent()).count());
        try {
            writer.deleteDocuments(itemIds.stream().map(SidIndexSchema::itemTerm).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /**
     * Makes every change so far durable and visible to other processes, atomically, with the
     * model, the item count and the caller's data (stored under {@link SidIndexSchema#USER_PREFIX})
     * in the commit: {@code userData} updates what earlier commits stored, which carries over.
     * Other threads may go on writing meanwhile (the Lucene commit does not hold this writer's
     * lock): what they write during the commit may or may not be in it, and the item count is the
     * count when the commit began.
     */
    public void commit(Map<String, String> userData) {
        synchronized (commitLock) { // one commit at a time; writers are held only while the commit data is set
            views.refresh();
            long items = views.read(SidLookup::size);
            Map<String, String> data = SidIndexSchema.commitData(model, items);
            synchronized (this) {
                carried.putAll(userData);
                carried.forEach((k, v) -> data.put(SidIndexSchema.USER_PREFIX + k, v));
                writer.setLiveCommitData(data.entrySet());
            }
            try {
                writer.commit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastCommit = Map.copyOf(data);
        }
    }

    public void commit() { commit(Map.of()); }

    /** Merges into one segment (after a bulk build: fewer segments, faster lookups, fewer bytes). */
    public synchronized void merge() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public <T> T read(Function<SidLookup, T> query) { return views.read(query); }

    @Override public void refresh() { views.refresh(); }

    /** Closes without committing: what was not committed is discarded. */
    @Override public void close() {
        try {
            views.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new IndexException("closing index " + dir + ": " + e, e);
        }
    }
}
