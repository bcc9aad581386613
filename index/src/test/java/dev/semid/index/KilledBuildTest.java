package dev.semid.index;

import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.io.SyntheticIds;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * SIGKILL during a build: the index opens at its last commit, which is whole (exactly the first
 * N rows of the input, N a commit boundary), and a rerun completes it. The build runs in a child
 * JVM ({@link #main}) so that it can be killed as a crash would kill it.
 */
class KilledBuildTest {
    static final IndexModel MODEL = new IndexModel("killed-build-test", 3, 32);
    static final int COMMIT_EVERY = 20_000, BATCH = 5_000;

    @TempDir Path tmp;

    /** The child: builds {@code args[1]} from the IDs file {@code args[0]}, committing every {@link #COMMIT_EVERY} rows. */
    public static void main(String[] args) {
        SidReader.Rows rows = SidReader.read(Path.of(args[0]));
        try (SidIndexWriter w = SidIndexWriter.open(Path.of(args[1]), MODEL, false)) {
            build(w, rows);
        }
    }

    static long build(SidIndexWriter w, SidReader.Rows rows) {
        return SidIndexBuilder.build(w, rows.ids(), rows.sids(), Map.of(), new SidIndexBuilder.Settings(BATCH, COMMIT_EVERY, true), (d, n) -> {});
    }

    @Test void aBuildKilledMidwayLeavesItsLastCommitWhole() throws Exception {
        int n = 200_000;
        SidReader.Rows rows = SyntheticIds.generate(n, 3, 32, 11);
        Path ids = tmp.resolve("ids.tsv"), dir = tmp.resolve("index");
        SidWriter.write(ids, rows.ids(), rows.sids());
        Process p = new ProcessBuilder(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), KilledBuildTest.class.getName(), ids.toString(), dir.toString()))
                .redirectErrorStream(true).start();
        long committed = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (committed == 0 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            committed = committedItems(dir);
        }
        boolean alive = p.isAlive();
        p.destroyForcibly(); // SIGKILL
        assertTrue(alive && committed > 0, () -> "the build was still running after its first commit when killed (else the test proves"
                + " nothing); its output: " + output(p));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, p.exitValue(), "killed by SIGKILL");

        try (SidIndexReader r = SidIndexReader.open(dir, null)) {
            long items = r.read(SidLookup::size);
            assertTrue(items > 0 && items < n && items % COMMIT_EVERY == 0, "a commit boundary: " + items);
            assertEquals(Long.toString(items), r.stats().commitData().get("semid.items"));
            r.read(l -> {
                for (int i = 0; i < n; i += 997) {
                    var got = l.item(rows.ids().get(i));
                    if (i < items) assertEquals(rows.sids().get(i), got.orElseThrow().sid(), "row " + i);
                    else assertTrue(got.isEmpty(), "row " + i + " was never committed");
                }
                assertEquals(items, l.children("").stream().mapToLong(PrefixChild::count).sum());
                return null;
            });
        }
        try (SidIndexWriter w = SidIndexWriter.open(dir, MODEL, false)) {
            assertEquals(n, build(w, rows), "the rerun completes the index");
        }
    }

    private static String output(Process p) {
        try {
            return new String(p.getInputStream().readAllBytes());
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static long committedItems(Path dir) {
        try (var d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return 0;
            Map<String, String> data = SegmentInfos.readLatestCommit(d).getUserData();
            return Long.parseLong(data.getOrDefault("semid.items", "0"));
        } catch (IOException | RuntimeException e) {
            return 0; // the directory is being created or written: try again
        }
    }
}
