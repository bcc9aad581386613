package dev.semid.index;

import dev.semid.tokenizer.sid.SemanticId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Switches an index to a retrained model in one Lucene commit: every item gets its ID under the
 * new model, payloads and the caller's commit data (a service's stream offsets) carry over, and
 * until the commit every reader — an open searcher or a new one — sees the old content. Each
 * item's old and new ID go to a {@link MapSink}, before the commit, for the systems downstream that stored old IDs.
 * Refused, with nothing written: a new model that is not a descendant of the index's model
 * (unless forced), and index items the new ID set lacks (they would vanish; unless dropped on purpose).
 */
public final class IndexMigration {
    /** One line of the old → new map: an item with its old ID (null if added) and new ID (null if dropped). */
    public record Change(String itemId, SemanticId oldSid, SemanticId newSid) {}

    /** Keeps the whole map (e.g. writes it to a file), before the index changes. */
    public interface MapSink { void write(List<Change> changes) throws java.io.IOException; }

    /**
     * @param descendant   the new model's lineage reaches the index's model (its codes keep their meaning)
     * @param force        migrate even when it does not
     * @param dropMissing  drop index items the new ID set lacks instead of refusing
     */
    public record Options(boolean descendant, boolean force, boolean dropMissing) {}

    /** What moved: items in the migrated index, and of the index's old items those whose ID changed, kept, or were dropped; items added. */
    public record Result(String fromModel, String toModel, long items, long changed, long unchanged, long added, long dropped) {}

    public static final String MIGRATED_FROM = "migratedFrom";
    private static final int SAMPLE = 5;

    private IndexMigration() {}

    public static Result migrate(Path dir, IndexModel newModel, List<String> ids, List<SemanticId> sids, Options options, MapSink map) {
        if (ids.size() != sids.size()) throw new IllegalArgumentException(ids.size() + " ids for " + sids.size() + " semantic IDs");
        IndexModel oldModel;
        Map<String, SidEntry> old = new LinkedHashMap<>();
        Map<String, String> carried = new HashMap<>();
        try (SidIndexReader r = SidIndexReader.open(dir, null)) {
            oldModel = r.model();
            if (!options.descendant() && !options.force())
                throw new IndexException("model " + newModel.fingerprint() + " was not aligned to index " + dir + "'s model " + oldModel.fingerprint()
                        + " (its lineage does not reach it), so its codes do not keep the old numbers' meaning; retrain with --align-to,"
                        + " or migrate anyway with --force");
            r.stats().commitData().forEach((k, v) -> {
                if (k.startsWith(SidIndexSchema.USER_PREFIX)) carried.put(k.substring(SidIndexSchema.USER_PREFIX.length()), v);
            });
            r.read(l -> {
                l.forEachEntry(true, e -> old.put(e.itemId(), e));
                return null;
            });
        }
        Map<String, SemanticId> next = HashMap.newHashMap(ids.size());
        Map<SemanticId, String> holders = HashMap.newHashMap(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (next.put(ids.get(i), newModel.check(sids.get(i))) != null)
                throw new IllegalArgumentException("item '" + ids.get(i) + "' appears twice in the new ID set");
            String holder = holders.put(sids.get(i), ids.get(i));
            if (holder != null)
                throw new IllegalArgumentException("semantic ID " + sids.get(i) + " is given to both '" + holder + "' and '" + ids.get(i) + "' in the new ID set");
        }
        List<String> missing = new ArrayList<>();
        for (String id : old.keySet()) if (!next.containsKey(id)) missing.add(id);
        missing.sort(null);
        if (!missing.isEmpty() && !options.dropMissing())
            throw new IndexException(String.format("%,d of index %s's items have no ID in the new set (e.g. %s): they would vanish;"
                    + " tokenize them too, or drop them on purpose (--drop-missing)", missing.size(), dir, missing.subList(0, Math.min(SAMPLE, missing.size()))));
        // the map first: once the commit is in, the old IDs exist nowhere else
        long changed = 0, unchanged = 0, added = 0;
        List<Change> changes = new ArrayList<>(ids.size() + missing.size());
        for (int i = 0; i < ids.size(); i++) {
            SidEntry before = old.get(ids.get(i));
            if (before == null) added++;
            else if (before.sid().equals(sids.get(i))) unchanged++;
            else changed++;
            changes.add(new Change(ids.get(i), before == null ? null : before.sid(), sids.get(i)));
        }
        for (String id : missing) changes.add(new Change(id, old.get(id).sid(), null));
        Map<String, String> payloads = new HashMap<>();
        old.forEach((id, e) -> { if (e.payload() != null) payloads.put(id, e.payload()); });
        carried.put(MIGRATED_FROM, oldModel.fingerprint());
        // the writer first (it holds the index's lock and changes nothing before its commit), then the map, then the commit
        try (SidIndexWriter w = SidIndexWriter.open(dir, newModel, true)) {
            try {
                map.write(changes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("the old → new ID map could not be written; the index is unchanged: " + e.getMessage(), e);
            }
            SidIndexBuilder.build(w, ids, sids, payloads, new SidIndexBuilder.Settings(10_000, 0, true), (d, n) -> {}, carried);
        }
        return new Result(oldModel.fingerprint(), newModel.fingerprint(), ids.size(), changed, unchanged, added, missing.size());
    }
}
