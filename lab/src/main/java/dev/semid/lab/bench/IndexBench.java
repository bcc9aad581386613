package dev.semid.lab.bench;

import dev.semid.tokenizer.io.SyntheticIds;
import dev.semid.index.IndexModel;
import dev.semid.index.IndexStats;
import dev.semid.index.SidIndexBuilder;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Index figures: build rate, item → ID and prefix lookups per second from 1 and 2 threads with a
 * Java HashMap measured in the same run as the ceiling, and bytes on disk per item; on Beauty's
 * 12,101 items (a published ID set, deduplicated) and on a synthetic scale-up.
 */
public final class IndexBench {
    /**
     * @param beautyIds published Beauty IDs for the 12k case, first 3 levels + our dedup token (skipped when missing)
     * @param items     synthetic scale-up size
     * @param seconds   seconds per lookup measurement
     * @param work      scratch directory
     */
    public record Settings(Path beautyIds, int items, double seconds, Path work) {
        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path beautyIds = Path.of("../shared/data/beauty/reference-sids/rqvae_native.index.json");
            private int items = 1_000_000;
            private double seconds = 3;
            private Path work = Path.of("runs/bench-index");

            private Builder() {}

            public Builder beautyIds(Path v) { beautyIds = v; return this; }
            public Builder items(int v) { items = v; return this; }
            public Builder seconds(double v) { seconds = v; return this; }
            public Builder work(Path v) { work = v; return this; }

            public Settings build() { return new Settings(beautyIds, items, seconds, work); }
        }
    }

    private final Settings settings;

    public IndexBench(Settings settings) {
        this.settings = settings;
    }

    /** Builds and measures both cases, printing each figure to {@code out} as it is measured. */
    public void run(PrintStream out) throws IOException {
        Path beautyIds = settings.beautyIds();
        out.printf(Locale.ROOT, "bench index: %d cores, Lucene %s%n", Runtime.getRuntime().availableProcessors(),
                org.apache.lucene.util.Version.LATEST);
        if (Files.exists(beautyIds)) run("beauty (12,101 items, " + beautyIds.getFileName() + ")", beauty(beautyIds), 256, out);
        else out.println("(no " + beautyIds + ": skipping the Beauty case)");
        run(String.format(Locale.ROOT, "synthetic %,d items (3 × 256, uniform codes)", settings.items()),
                SyntheticIds.generate(settings.items(), 3, 256, 42), 256, out);
    }

    private static SidReader.Rows beauty(Path file) {
        int[][] codes = TokenSidReader.read(file);
        List<String> ids = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            ids.add(Integer.toString(i + 1));
            codes[i] = Arrays.copyOf(codes[i], 3);
        }
        return new SidReader.Rows(ids, new SemanticIdAssigner().assign(ids, codes).ids());
    }

    private void run(String label, SidReader.Rows rows, int codes, PrintStream out) throws IOException {
        out.println("\n== " + label);
        Path dir = settings.work().resolve("n" + rows.size());
        IndexModel model = new IndexModel("bench", 3, codes);
        long t0 = System.nanoTime();
        try (SidIndexWriter w = SidIndexWriter.open(dir, model, true, 256)) {
            SidIndexBuilder.build(w, rows.ids(), rows.sids(), Map.of(), SidIndexBuilder.Settings.defaults(), (d, n) -> {});
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "build: %,d items in %.2f s = %,.0f items/s (bulk load, 1 commit per 100k, merged to one segment)%n",
                rows.size(), buildS, rows.size() / buildS);

        int q = 1 << 20;
        SplittableRandom rnd = new SplittableRandom(7);
        String[] itemQueries = new String[q];
        String[] prefixQueries = new String[q];
        for (int i = 0; i < q; i++) {
            SemanticId s = rows.sids().get(rnd.nextInt(rows.size()));
            itemQueries[i] = rows.ids().get(rnd.nextInt(rows.size()));
            prefixQueries[i] = s.tuple().text(2);
        }
        Map<String, SemanticId> map = HashMap.newHashMap(rows.size());
        for (int i = 0; i < rows.size(); i++) map.put(rows.ids().get(i), rows.sids().get(i));

        try (SidIndexReader r = SidIndexReader.open(dir, model.fingerprint())) {
            IndexStats st = r.stats();
            out.printf(Locale.ROOT, "disk: %,d bytes = %.1f bytes/item%n", st.bytesOnDisk(), st.bytesPerItem());
            for (int threads : new int[] {1, 2}) {
                double hash = rate(threads, i -> map.get(itemQueries[i & (q - 1)]));
                double item = rate(threads, i -> r.read(l -> l.item(itemQueries[i & (q - 1)])).orElseThrow());
                double count = rate(threads, i -> r.read(l -> l.count(prefixQueries[i & (q - 1)])));
                double page = rate(threads, i -> r.read(l -> l.prefix(prefixQueries[i & (q - 1)], null, 10, false)));
                out.printf(Locale.ROOT, "%d thread%s: item → ID %,.0f/s (HashMap ceiling %,.0f/s, %.0f%%)   target ≥ 100,000/s%n",
                        threads, threads == 1 ? " " : "s", item, hash, 100 * item / hash);
                out.printf(Locale.ROOT, "           prefix count %,.0f/s, prefix page of 10 (ID order) %,.0f/s%n", count, page);
            }
        }
    }

    /** Operations per second over {@link Settings#seconds}, after a warm-up, from {@code threads} threads. */
    private double rate(int threads, IntFunction<Object> op) {
        LongAdder ops = new LongAdder();
        Runnable body = () -> {
            long end = System.nanoTime() + (long) (settings.seconds() * 1e9);
            int i = (int) (Thread.currentThread().threadId() * 7919);
            long n = 0;
            Object sink = null;
            while (System.nanoTime() < end) {
                for (int k = 0; k < 256; k++) sink = op.apply(i++);
                n += 256;
            }
            if (sink == null) throw new IllegalStateException();
            ops.add(n);
        };
        long warmEnd = System.nanoTime() + 500_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) op.apply(i);
        long t0 = System.nanoTime();
        IntStream.range(0, threads).mapToObj(t -> Thread.ofPlatform().start(body)).toList().forEach(t -> {
            try {
                t.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        return ops.sum() / ((System.nanoTime() - t0) / 1e9);
    }
}
