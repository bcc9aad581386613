package dev.semid.index;

import dev.semid.tokenizer.sid.SemanticId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk load of (item, ID) rows into a writer. Into an empty index, after checking that items and
 * IDs are unique across the whole input, rows are added as they are ({@link SidIndexWriter#load});
 * into an index with content they are upserted. Either way in batches, with a commit every
 * {@code commitEvery} items (so a killed build keeps a whole commit, and readers see progress),
 * merges to one segment and commits at the end.
 */
public final class SidIndexBuilder {
    public interface Progress { void update(long done, long total); }

    /**
     * @param batchSize   rows per upsert (each one refreshes the writer's view to check uniqueness)
     * @param commitEvery rows between commits; 0 = commit only at the end
     */
    public record Settings(int batchSize, int commitEvery, boolean merge) {
        public Settings {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
            if (commitEvery < 0) throw new IllegalArgumentException("commit interval must be >= 0, got " + commitEvery);
        }

        public static Settings defaults() { return new Settings(10_000, 100_000, true); }
    }

    private SidIndexBuilder() {}

    /** Loads every row; {@code payloads} may be empty. Returns the items in the index after the final commit. */
    public static long build(SidIndexWriter writer, List<String> ids, List<SemanticId> sids, Map<String, String> payloads,
                             Settings settings, Progress progress) {
        return build(writer, ids, sids, payloads, settings, progress, Map.of());
    }

    /** As above, storing {@code commitData} with the commits (see {@link SidIndexWriter#commit(Map)}). */
    public static long build(SidIndexWriter writer, List<String> ids, List<SemanticId> sids, Map<String, String> payloads,
                             Settings settings, Progress progress, Map<String, String> commitData) {
        if (ids.size() != sids.size()) throw new IllegalArgumentException(ids.size() + " ids for " + sids.size() + " semantic IDs");
        int n = ids.size();
        boolean load = writer.loadable();
        if (load) requireUnique(ids, sids);
        long sinceCommit = 0;
        List<SidEntry> batch = new ArrayList<>(Math.min(n, settings.batchSize()));
        for (int i = 0; i < n; i++) {
            batch.add(new SidEntry(ids.get(i), sids.get(i), payloads.get(ids.get(i))));
            if (batch.size() == settings.batchSize() || i == n - 1) {
                if (load) writer.load(batch);
                else writer.upsert(batch);
                sinceCommit += batch.size();
                batch.clear();
                if (settings.commitEvery() > 0 && sinceCommit >= settings.commitEvery() && i < n - 1) {
                    writer.commit(commitData);
                    sinceCommit = 0;
                }
                progress.update(i + 1, n);
            }
        }
        if (settings.merge()) writer.merge();
        writer.commit(commitData);
        return writer.read(SidLookup::size);
    }

    private static void requireUnique(List<String> ids, List<SemanticId> sids) {
        Map<String, Integer> itemRows = HashMap.newHashMap(ids.size());
        Map<SemanticId, Integer> sidRows = HashMap.newHashMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            Integer prev = itemRows.putIfAbsent(ids.get(i), i);
            if (prev != null) throw new IllegalArgumentException("item '" + ids.get(i) + "' appears in rows " + prev + " and " + i);
            prev = sidRows.putIfAbsent(sids.get(i), i);
            if (prev != null)
                throw new IllegalArgumentException("items '" + ids.get(prev) + "' and '" + ids.get(i) + "' both carry semantic ID " + sids.get(i));
        }
    }
}
