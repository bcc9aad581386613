package dev.semid.index;

import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** The Lucene semantic-ID index on disk: schema, lookups, upserts, commits, model checks. */
class SidIndexTest {
    static final IndexModel MODEL = new IndexModel("aaaabbbbccccdddd", 3, 16);
    @TempDir Path tmp;

    static SemanticId sid(int... all) {
        return new SemanticId(java.util.Arrays.copyOf(all, all.length - 1), all[all.length - 1]);
    }

    /** n items with random codes in 3 × 16, unique via dedup tokens in arrival order. */
    static List<SidEntry> randomEntries(int n, long seed) {
        Random rnd = new Random(seed);
        Map<String, Integer> next = new java.util.HashMap<>();
        List<SidEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] c = {rnd.nextInt(4), rnd.nextInt(16), rnd.nextInt(16)};
            int d = next.merge(c[0] + "-" + c[1] + "-" + c[2], 1, Integer::sum) - 1;
            out.add(new SidEntry("item" + i, new SemanticId(c, d), "title " + i));
        }
        return out;
    }

    SidIndexWriter build(Path dir, List<SidEntry> entries) {
        SidIndexWriter w = SidIndexWriter.open(dir, MODEL, false);
        w.upsert(entries);
        w.commit();
        return w;
    }

    @Test void exactLookupsBothWays() {
        List<SidEntry> entries = randomEntries(500, 1);
        Path dir = tmp.resolve("idx");
        build(dir, entries).close();
        try (SidIndexReader r = SidIndexReader.open(dir, MODEL.fingerprint())) {
            r.read(l -> {
                assertEquals(500L, l.size());
                for (SidEntry e : entries) {
                    SidEntry got = l.item(e.itemId()).orElseThrow();
                    assertEquals(e.sid(), got.sid());
                    assertNull(got.payload(), "payload only when asked");
                    assertEquals(e.payload(), l.item(e.itemId(), true).orElseThrow().payload());
                    assertEquals(List.of(e.itemId()), l.sid(e.sid().toString(), false).stream().map(SidEntry::itemId).toList());
                }
                assertTrue(l.item("nope").isEmpty());
                assertEquals(List.of(), l.sid("3-15-15-200", false));
                return null;
            });
        }
    }

    /** Version 2 documents, as that schema wrote them: with the item_sid term (item id, NUL, key) this version dropped. */
    @Test void aVersion2IndexIsReadAndWrittenOnAsVersion3() throws Exception {
        List<SidEntry> old = randomEntries(200, 9);
        Path dir = tmp.resolve("v2");
        try (var d = org.apache.lucene.store.FSDirectory.open(dir);
             var w = new org.apache.lucene.index.IndexWriter(d, new org.apache.lucene.index.IndexWriterConfig().setCodec(SidIndexSchema.codec()))) {
            for (SidEntry e : old) {
                var doc = SidIndexSchema.document(e);
                var item = new org.apache.lucene.util.BytesRef(e.itemId());
                doc.add(new org.apache.lucene.document.StringField("item_sid", SidIndexSchema.concat(SidIndexSchema.concat(item,
                        new org.apache.lucene.util.BytesRef(new byte[] {0})), SidIndexSchema.key(e.sid())), org.apache.lucene.document.Field.Store.NO));
                w.addDocument(doc);
            }
            Map<String, String> data = new java.util.HashMap<>(SidIndexSchema.commitData(MODEL, old.size()));
            data.put(SidIndexSchema.DATA_SCHEMA, "2");
            w.setLiveCommitData(data.entrySet());
            w.commit();
        }
        List<SidEntry> added = List.of(new SidEntry("new-1", sid(3, 15, 15, 9), null));
        try (SidIndexWriter w = SidIndexWriter.open(dir, MODEL, false)) {
            w.upsert(added);
            w.upsert(List.of(new SidEntry(old.get(0).itemId(), sid(3, 15, 14, 9), null))); // replaces a version 2 document
            w.commit();
        }
        try (SidIndexReader r = SidIndexReader.open(dir, MODEL.fingerprint())) {
            r.read(l -> {
                assertEquals(201L, l.size());
                for (SidEntry e : old.subList(1, old.size())) assertEquals(e.sid(), l.item(e.itemId()).orElseThrow().sid(), e.itemId());
                assertEquals(sid(3, 15, 14, 9), l.item(old.get(0).itemId()).orElseThrow().sid(), "the replaced one's new ID, not its old");
                assertEquals(sid(3, 15, 15, 9), l.item("new-1").orElseThrow().sid());
                return null;
            });
        }
        try (var d = org.apache.lucene.store.FSDirectory.open(dir)) {
            assertEquals("3", org.apache.lucene.index.SegmentInfos.readLatestCommit(d).getUserData().get(SidIndexSchema.DATA_SCHEMA));
        }
    }

    @Test void codeTupleGivesAllItemsInDedupOrder() {
        List<SidEntry> entries = List.of(new SidEntry("b", sid(1, 2, 3, 1)), new SidEntry("a", sid(1, 2, 3, 0)),
                new SidEntry("c", sid(1, 2, 4, 0)));
        try (SidIndexWriter w = build(tmp.resolve("t"), entries)) {
            assertEquals(List.of("a", "b"), w.read(l -> l.sid("1-2-3", false)).stream().map(SidEntry::itemId).toList());
        }
    }

    @Test void prefixPagesAreCompleteOrderedAndDeterministic() {
        List<SidEntry> entries = randomEntries(2000, 2);
        try (SidIndexWriter w = build(tmp.resolve("p"), entries)) {
            for (String prefix : List.of("", "1", "1-7", "2-3-9")) {
                List<SidEntry> expected = entries.stream().filter(e -> prefix.isEmpty() || (e.sid().toString() + "-").startsWith(prefix + "-"))
                        .sorted(Comparator.comparing(SidEntry::sid)).toList();
                List<SidEntry> got = new ArrayList<>();
                String cursor = null;
                int pages = 0;
                do {
                    String after = cursor;
                    PrefixPage page = w.read(l -> l.prefix(prefix, after, 37, false));
                    assertEquals(expected.size(), page.total(), prefix);
                    got.addAll(page.items());
                    cursor = page.next();
                    pages++;
                } while (cursor != null);
                assertEquals(expected.stream().map(SidEntry::itemId).toList(), got.stream().map(SidEntry::itemId).toList(), prefix);
                assertEquals(Math.max(1, (expected.size() + 36) / 37), pages, prefix);
                assertEquals((long) expected.size(), (long) w.read(l -> l.count(prefix)));
            }
        }
    }

    @Test void pagesMergeSegmentsAndSkipDeletedEntries() {
        List<SidEntry> entries = randomEntries(900, 9);
        try (SidIndexWriter w = SidIndexWriter.open(tmp.resolve("segments"), MODEL, false)) {
            for (int from = 0; from < 900; from += 100) {
                w.upsert(entries.subList(from, from + 100));
                w.refresh(); // a segment per batch (Lucene may merge some on refresh)
            }
            w.delete(entries.subList(0, 900).stream().filter(e -> e.sid().code(1) == 3).map(SidEntry::itemId).toList());
            w.refresh();
            List<SidEntry> expected = entries.stream().filter(e -> e.sid().code(0) == 2 && e.sid().code(1) != 3)
                    .sorted(Comparator.comparing(SidEntry::sid)).toList();
            List<SidEntry> got = new ArrayList<>();
            String cursor = null;
            do {
                String after = cursor;
                PrefixPage p = w.read(l -> l.prefix("2", after, 7, false));
                assertEquals(expected.size(), p.total());
                got.addAll(p.items());
                cursor = p.next();
            } while (cursor != null);
            assertEquals(expected.stream().map(e -> e.itemId() + " " + e.sid()).toList(), got.stream().map(e -> e.itemId() + " " + e.sid()).toList());
            assertEquals(0L, (long) w.read(l -> l.count("2-3")));
            assertEquals(List.of(), w.read(l -> l.children("2-3")));
        }
    }

    @Test void childrenCountEveryLevel() {
        List<SidEntry> entries = randomEntries(1500, 3);
        try (SidIndexWriter w = build(tmp.resolve("c"), entries)) {
            List<PrefixChild> root = w.read(l -> l.children(""));
            assertEquals(4, root.size());
            assertEquals(1500, root.stream().mapToLong(PrefixChild::count).sum());
            for (PrefixChild c : root) {
                assertEquals(entries.stream().filter(e -> e.sid().code(0) == c.code()).count(), c.count());
                assertEquals(Integer.toString(c.code()), c.prefix());
                List<PrefixChild> kids = w.read(l -> l.children(c.prefix()));
                assertEquals(c.count(), kids.stream().mapToLong(PrefixChild::count).sum());
                for (PrefixChild k : kids) assertTrue(k.prefix().startsWith(c.prefix() + "-"), k.prefix());
            }
            SidEntry some = entries.get(0);
            String tuple = some.sid().tuple().toString();
            List<PrefixChild> tokens = w.read(l -> l.children(tuple));
            assertTrue(tokens.stream().allMatch(t -> t.count() == 1));
            assertTrue(tokens.stream().anyMatch(t -> t.prefix().equals(some.sid().toString())));
            assertEquals(List.of(), w.read(l -> l.children("9")), "codes 4.. are never drawn at level 1");
        }
    }

    @Test void upsertReplacesNeverDuplicates() {
        Path dir = tmp.resolve("u");
        try (SidIndexWriter w = build(dir, List.of(new SidEntry("x", sid(1, 1, 1, 0), "old"), new SidEntry("y", sid(2, 2, 2, 0))))) {
            w.upsert(List.of(new SidEntry("x", sid(3, 3, 3, 0), "new")));
            w.upsert(List.of(new SidEntry("x", sid(3, 3, 3, 0), "new"))); // idempotent
            w.refresh();
            assertEquals(2L, (long) w.read(SidLookup::size));
            assertEquals(sid(3, 3, 3, 0), w.read(l -> l.item("x")).orElseThrow().sid());
            assertEquals("new", w.read(l -> l.item("x", true)).orElseThrow().payload());
            assertTrue(w.read(l -> l.holder(sid(1, 1, 1, 0))).isEmpty(), "the old ID is free again");
            assertEquals(0L, (long) w.read(l -> l.count("1")));
            // two items swapping IDs in one batch is allowed
            w.upsert(List.of(new SidEntry("x", sid(2, 2, 2, 0)), new SidEntry("y", sid(3, 3, 3, 0))));
            w.refresh();
            assertEquals("y", w.read(l -> l.holder(sid(3, 3, 3, 0))).orElseThrow().itemId());
            PrefixPage all = w.read(l -> l.prefix("", null, 10, true));
            assertEquals(List.of("x:2-2-2-0:null", "y:3-3-3-0:null"),
                    all.items().stream().map(e -> e.itemId() + ":" + e.sid() + ":" + e.payload()).toList(), "replaced terms skipped");
            assertEquals(2L, all.total());
            assertEquals(1, w.delete(List.of("y", "never")));
            w.commit();
        }
        try (SidIndexReader r = SidIndexReader.open(dir, null)) {
            assertEquals(1L, (long) r.read(SidLookup::size));
            assertTrue(r.read(l -> l.item("y")).isEmpty());
        }
    }

    @Test void trustedWritesAddAbsentItemsAndReplaceTheOthers() {
        try (SidIndexWriter w = build(tmp.resolve("t"), List.of(new SidEntry("x", sid(1, 1, 1, 0))))) {
            w.upsertTrusted(List.of(new SidEntry("x", sid(2, 2, 2, 0)), new SidEntry("n1", sid(1, 1, 1, 0)), new SidEntry("n2", sid(3, 3, 3, 5))),
                    java.util.Set.of("n1", "n2"));
            w.refresh();
            assertEquals(3L, (long) w.read(SidLookup::size), "x replaced, n1 and n2 added");
            assertEquals(sid(2, 2, 2, 0), w.read(l -> l.item("x")).orElseThrow().sid());
            assertEquals("n1", w.read(l -> l.holder(sid(1, 1, 1, 0))).orElseThrow().itemId());
            assertTrue(w.read(l -> l.holder(sid(1, 1, 1, 1))).isEmpty(), "a free token under a held tuple, across segments");
            assertTrue(w.read(l -> l.holder(sid(2, 2, 2, 1))).isEmpty());
            assertEquals(sid(3, 3, 3, 5), w.read(l -> l.item("n2")).orElseThrow().sid());
            assertThrows(IllegalArgumentException.class, () -> w.upsertTrusted(
                    List.of(new SidEntry("a", sid(4, 4, 4, 0)), new SidEntry("b", sid(4, 4, 4, 0))), java.util.Set.of("a", "b")),
                    "a batch is still checked against itself");
        }
    }

    @Test void anIdHeldByAnotherItemIsRefusedAndNothingIsWritten() {
        try (SidIndexWriter w = build(tmp.resolve("conflict"), List.of(new SidEntry("x", sid(1, 1, 1, 0))))) {
            IndexException e = assertThrows(IndexException.class,
                    () -> w.upsert(List.of(new SidEntry("z", sid(4, 4, 4, 0)), new SidEntry("y", sid(1, 1, 1, 0)))));
            assertTrue(e.getMessage().contains("1-1-1-0") && e.getMessage().contains("'x'") && e.getMessage().contains("'y'"), e.getMessage());
            w.refresh();
            assertTrue(w.read(l -> l.item("z")).isEmpty(), "the batch was refused whole");
            IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                    () -> w.upsert(List.of(new SidEntry("p", sid(5, 5, 5, 0)), new SidEntry("q", sid(5, 5, 5, 0)))));
            assertTrue(dup.getMessage().contains("'p'") && dup.getMessage().contains("'q'"), dup.getMessage());
            IllegalArgumentException layout = assertThrows(IllegalArgumentException.class,
                    () -> w.upsert(List.of(new SidEntry("r", sid(1, 99, 1, 0)))));
            assertTrue(layout.getMessage().contains("code 99 at level 2"), layout.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.upsert(List.of(new SidEntry("s", sid(1, 2, 0)))));
        }
    }

    @Test void malformedIdsAndPrefixesAreClearErrors() {
        try (SidIndexWriter w = build(tmp.resolve("m"), List.of(new SidEntry("x", sid(1, 1, 1, 0))))) {
            for (String bad : List.of("1-x", "1--2", "-1", "1-2-3-4-5", "1-16", "a"))
                assertThrows(IllegalArgumentException.class, () -> w.read(l -> l.count(bad)), bad);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.read(l -> l.sid("1-2", false)));
            assertTrue(e.getMessage().contains("k1-k2-k3-dedup"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> w.read(l -> l.prefix("1", null, 0, false)));
            assertTrue(e.getMessage().contains("page size"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> w.read(l -> l.prefix("1", "1-1", 10, false)));
        }
    }

    @Test void anotherModelNeedsExplicitReindex() {
        Path dir = tmp.resolve("fp");
        build(dir, randomEntries(50, 4)).close();
        IndexModel other = new IndexModel("ffffeeeeddddcccc", 3, 16);
        IndexException e = assertThrows(IndexException.class, () -> SidIndexWriter.open(dir, other, false));
        assertTrue(e.getMessage().contains("aaaabbbbccccdddd") && e.getMessage().contains("ffffeeeeddddcccc")
                && e.getMessage().contains("--reindex"), e.getMessage());
        e = assertThrows(IndexException.class, () -> SidIndexReader.open(dir, other.fingerprint()));
        assertTrue(e.getMessage().contains("built for model aaaabbbbccccdddd"), e.getMessage());

        try (SidIndexWriter w = SidIndexWriter.open(dir, other, true)) {
            try (SidIndexReader before = SidIndexReader.open(dir, null)) {
                assertEquals(50, before.read(SidLookup::size), "old content readable until the re-index commits");
            }
            w.upsert(List.of(new SidEntry("only", sid(0, 0, 0, 0))));
            w.commit();
        }
        try (SidIndexReader r = SidIndexReader.open(dir, other.fingerprint())) {
            assertEquals(1L, (long) r.read(SidLookup::size));
            IndexStats s = r.stats();
            assertEquals(other, s.model());
            assertEquals("1", s.commitData().get("semid.items"));
            assertTrue(s.bytesOnDisk() > 0);
        }
    }

    @Test void oneWriterAtATimeAndClearErrorsForMissingOrForeignDirectories() throws Exception {
        Path dir = tmp.resolve("lock");
        try (SidIndexWriter w = build(dir, randomEntries(10, 5))) {
            IndexException e = assertThrows(IndexException.class, () -> SidIndexWriter.open(dir, MODEL, false));
            assertTrue(e.getMessage().contains("locked by another writer"), e.getMessage());
        }
        IndexException e = assertThrows(IndexException.class, () -> SidIndexReader.open(tmp.resolve("absent"), null));
        assertTrue(e.getMessage().contains("no semid index"), e.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        e = assertThrows(IndexException.class, () -> SidIndexReader.open(empty, null));
        assertTrue(e.getMessage().contains("no Lucene commit"), e.getMessage());
        Path broken = tmp.resolve("broken");
        build(broken, randomEntries(100, 6)).close();
        try (var files = Files.list(broken)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList())
                Files.write(f, new byte[] {1, 2, 3});
        }
        e = assertThrows(IndexException.class, () -> SidIndexReader.open(broken, null));
        assertTrue(e.getMessage().contains(broken.toString()), e.getMessage());
    }

    @Test void otherReadersSeeOnlyCommitsAndCommitsCarryUserData() {
        Path dir = tmp.resolve("nrt");
        try (SidIndexWriter w = build(dir, randomEntries(10, 7)); SidIndexReader r = SidIndexReader.open(dir, null)) {
            w.upsert(List.of(new SidEntry("late", sid(3, 3, 3, 9))));
            w.refresh();
            assertTrue(w.read(l -> l.item("late")).isPresent(), "the writer's near-real-time view sees it at once");
            r.refresh();
            assertTrue(r.read(l -> l.item("late")).isEmpty(), "other readers see commits only");
            w.commit(Map.of("offsets", "items-0:42"));
            r.refresh();
            assertTrue(r.read(l -> l.item("late")).isPresent());
        }
        try (SidIndexWriter w = SidIndexWriter.open(dir, MODEL, false)) {
            assertEquals(Map.of("offsets", "items-0:42"), w.committedUserData());
            w.commit(Map.of("offsets", "items-0:43"));
            assertEquals(Map.of("offsets", "items-0:43"), w.committedUserData(), "a restarting stream resumes from the last commit made");
            w.upsert(List.of(new SidEntry("uncommitted", sid(3, 3, 3, 10))));
        } // closed without commit: discarded
        try (SidIndexReader r = SidIndexReader.open(dir, null)) {
            assertTrue(r.read(l -> l.item("uncommitted")).isEmpty());
            assertEquals(11L, (long) r.read(SidLookup::size));
        }
    }

    @Test void concurrentReadersWhileOneWriterUpserts() throws Exception {
        List<SidEntry> entries = randomEntries(3000, 8);
        try (SidIndexWriter w = build(tmp.resolve("conc"), entries.subList(0, 1000))) {
            AtomicBoolean done = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Integer>> readers = new ArrayList<>();
            for (int t = 0; t < 3; t++)
                readers.add(pool.submit(() -> {
                    int checks = 0;
                    Random rnd = new Random();
                    while (!done.get() || checks == 0) {
                        SidEntry e = entries.get(rnd.nextInt(1000));
                        assertEquals(e.sid(), w.read(l -> l.item(e.itemId())).orElseThrow().sid());
                        long size = w.read(SidLookup::size);
                        assertTrue(size >= 1000 && size <= 3000, "a consistent view: " + size);
                        checks++;
                    }
                    return checks;
                }));
            for (int from = 1000; from < 3000; from += 100) {
                w.upsert(entries.subList(from, from + 100));
                w.refresh();
            }
            done.set(true);
            for (Future<Integer> f : readers) assertTrue(f.get() > 0);
            pool.shutdown();
            assertEquals(3000L, (long) w.read(SidLookup::size));
        }
    }
}
