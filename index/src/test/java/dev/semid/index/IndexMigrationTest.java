package dev.semid.index;

import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Switching an index to a retrained model: one commit, readers on the old content until it, the map first. */
class IndexMigrationTest {
    static final IndexModel NEXT = new IndexModel("1111222233334444", 3, 16);
    @TempDir Path tmp;

    private Path oldIndex(List<SidEntry> entries) {
        Path dir = tmp.resolve("idx");
        try (SidIndexWriter w = SidIndexWriter.open(dir, SidIndexTest.MODEL, false)) {
            w.upsert(entries);
            w.commit(Map.of("offsets", "items-0:400"));
        }
        return dir;
    }

    /** The same items with other IDs: every third keeps its ID, the others move (unique via dedup tokens). */
    private static List<SemanticId> moved(List<SidEntry> entries) {
        List<SemanticId> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SemanticId s = entries.get(i).sid();
            out.add(i % 3 == 0 ? s : new SemanticId(new int[] {(s.code(0) + 5) % 16, s.code(1), s.code(2)}, s.dedup()));
        }
        return out;
    }

    @Test void everyItemTakesItsNewIdInOneCommitWhileEarlierReadersKeepTheOld() {
        List<SidEntry> entries = SidIndexTest.randomEntries(400, 3);
        Path dir = oldIndex(entries);
        List<String> ids = entries.stream().map(SidEntry::itemId).toList();
        List<SemanticId> next = moved(entries);
        List<IndexMigration.Change> map = new ArrayList<>();
        try (SidIndexReader before = SidIndexReader.open(dir, SidIndexTest.MODEL.fingerprint())) {
            IndexMigration.Result r = IndexMigration.migrate(dir, NEXT, ids, next, new IndexMigration.Options(true, false, false), changes -> {
                // the map is complete while the index is untouched
                try (SidIndexReader during = SidIndexReader.open(dir, SidIndexTest.MODEL.fingerprint())) {
                    assertEquals(entries.get(1).sid(), during.read(l -> l.item(entries.get(1).itemId()).orElseThrow().sid()));
                }
                map.addAll(changes);
            });
            assertEquals(400, r.items());
            assertEquals(134, r.unchanged());
            assertEquals(266, r.changed());
            before.read(l -> {
                for (SidEntry e : entries) assertEquals(e.sid(), l.item(e.itemId()).orElseThrow().sid(), "a reader opened before keeps the old IDs");
                return null;
            });
        }
        try (SidIndexReader after = SidIndexReader.open(dir, NEXT.fingerprint())) {
            after.read(l -> {
                assertEquals(400L, l.size());
                for (int i = 0; i < ids.size(); i++) {
                    SidEntry got = l.item(ids.get(i), true).orElseThrow();
                    assertEquals(next.get(i), got.sid(), ids.get(i));
                    assertEquals(entries.get(i).payload(), got.payload(), "payloads carry over");
                }
                return null;
            });
            Map<String, String> data = after.stats().commitData();
            assertEquals("items-0:400", data.get(SidIndexSchema.USER_PREFIX + "offsets"), "a service's offsets carry over");
            assertEquals(SidIndexTest.MODEL.fingerprint(), data.get(SidIndexSchema.USER_PREFIX + IndexMigration.MIGRATED_FROM));
        }
        assertEquals(400, map.size());
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(new IndexMigration.Change(ids.get(i), entries.get(i).sid(), next.get(i)), map.get(i));
        }
    }

    @Test void refusalsChangeNothing() {
        List<SidEntry> entries = SidIndexTest.randomEntries(50, 4);
        Path dir = oldIndex(entries);
        List<String> ids = entries.stream().map(SidEntry::itemId).toList();
        List<SemanticId> next = moved(entries);
        var notAligned = assertThrows(IndexException.class, () -> IndexMigration.migrate(dir, NEXT, ids, next,
                new IndexMigration.Options(false, false, false), c -> fail("no map for a refused migration")));
        assertTrue(notAligned.getMessage().contains("--align-to"), notAligned.getMessage());
        var missing = assertThrows(IndexException.class, () -> IndexMigration.migrate(dir, NEXT, ids.subList(0, 40), next.subList(0, 40),
                new IndexMigration.Options(true, false, false), c -> fail("no map for a refused migration")));
        assertTrue(missing.getMessage().contains("10 of index") && missing.getMessage().contains("item40"), missing.getMessage());
        try (SidIndexWriter running = SidIndexWriter.open(dir, SidIndexTest.MODEL, false)) { // e.g. a service still running
            var locked = assertThrows(IndexException.class, () -> IndexMigration.migrate(dir, NEXT, ids, next,
                    new IndexMigration.Options(true, false, false), c -> fail("no map while another writer holds the index")));
            assertTrue(locked.getMessage().contains("locked"), locked.getMessage());
        }
        try (SidIndexReader r = SidIndexReader.open(dir, SidIndexTest.MODEL.fingerprint())) {
            assertEquals(50L, r.read(SidLookup::size));
        }
        List<IndexMigration.Change> map = new ArrayList<>();
        IndexMigration.Result dropped = IndexMigration.migrate(dir, NEXT, ids.subList(0, 40), next.subList(0, 40),
                new IndexMigration.Options(false, true, true), map::addAll);
        assertEquals(10, dropped.dropped());
        assertEquals(50, map.size());
        assertNull(map.get(45).newSid(), "a dropped item maps to nothing");
        try (SidIndexReader r = SidIndexReader.open(dir, NEXT.fingerprint())) {
            assertEquals(40L, r.read(SidLookup::size));
        }
    }

    @Test void aDescendantModelTakesTheIndexOverAsItIsAndAnotherModelIsRefused() {
        List<SidEntry> entries = SidIndexTest.randomEntries(60, 5);
        Path dir = oldIndex(entries);
        var refused = assertThrows(IndexException.class, () -> SidIndexWriter.open(dir, NEXT, false, 16, List.of("0000000000000000")));
        assertTrue(refused.getMessage().contains("--align-to") && refused.getMessage().contains("semid index migrate"), refused.getMessage());
        IndexModel wider = new IndexModel(NEXT.fingerprint(), 3, 32);
        assertThrows(IndexException.class, () -> SidIndexWriter.open(dir, wider, false, 16, List.of(SidIndexTest.MODEL.fingerprint())),
                "another layout is never taken over");
        try (SidIndexWriter w = SidIndexWriter.open(dir, NEXT, false, 16, List.of(SidIndexTest.MODEL.fingerprint()))) {
            w.upsert(List.of(new SidEntry("fresh", SidIndexTest.sid(15, 15, 15, 0))));
            w.commit();
        }
        try (SidIndexReader r = SidIndexReader.open(dir, NEXT.fingerprint())) {
            r.read(l -> {
                assertEquals(61L, l.size());
                for (SidEntry e : entries) assertEquals(e.sid(), l.item(e.itemId()).orElseThrow().sid(), "stored IDs stay");
                return null;
            });
            Map<String, String> data = r.stats().commitData();
            assertEquals(SidIndexTest.MODEL.fingerprint(), data.get(SidIndexSchema.USER_PREFIX + SidIndexWriter.ADOPTED_FROM));
            assertEquals("items-0:400", data.get(SidIndexSchema.USER_PREFIX + "offsets"));
        }
    }
}
