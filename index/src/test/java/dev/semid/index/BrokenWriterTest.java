package dev.semid.index;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/** A full disk during a flush closes Lucene's writer for good: the writer says so, and a new one starts from the last commit. */
class BrokenWriterTest {
    @TempDir Path tmp;

    @Test void aFullDiskBreaksTheWriterAndANewOneStartsFromTheLastCommit() {
        AtomicBoolean full = new AtomicBoolean();
        IndexStorage disk = dir -> new FilterDirectory(FSDirectory.open(dir)) {
            @Override public IndexOutput createOutput(String name, IOContext context) throws IOException {
                if (full.get()) throw new IOException("injected: No space left on device");
                return super.createOutput(name, context);
            }
        };
        Path dir = tmp.resolve("idx");
        List<SidEntry> entries = SidIndexTest.randomEntries(60, 8);
        SidIndexWriter w = SidIndexWriter.open(dir, SidIndexTest.MODEL, false, 16, List.of(), disk);
        w.upsert(entries.subList(0, 30));
        w.commit();
        assertFalse(w.broken());
        w.upsert(entries.subList(30, 60));
        full.set(true);
        assertThrows(RuntimeException.class, w::commit, "the flush cannot write its files");
        assertTrue(w.broken(), "Lucene closed the writer: nothing more can go through it");
        w.close();
        full.set(false);
        try (SidIndexWriter again = SidIndexWriter.open(dir, SidIndexTest.MODEL, false, 16, List.of(), disk)) {
            assertFalse(again.broken());
            assertEquals(30L, again.read(SidLookup::size), "the last commit, nothing of what was pending");
            again.upsert(entries.subList(30, 60));
            again.commit();
            assertEquals(60L, again.read(SidLookup::size));
        }
    }
}
