package dev.semid.cli;

import dev.semid.tokenizer.data.SyntheticIds;
import dev.semid.tokenizer.index.IndexModel;
import dev.semid.tokenizer.index.IndexStats;
import dev.semid.tokenizer.index.SidIndexBuilder;
import dev.semid.tokenizer.index.SidIndexReader;
import dev.semid.tokenizer.index.SidIndexWriter;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Index figures: build rate, item → ID and prefix lookups per second from 1 and 2 threads with a
 * Java HashMap measured in the same run as the ceiling, and bytes on disk per item; on Beauty's
 * 12,101 items (a published ID set, deduplicated) and on a synthetic scale-up.
 */
@Command(name = "index", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Benchmark the Lucene semantic-ID index: build rate, lookups/s (1 and 2 threads, HashMap ceiling), bytes per item.")
final class IndexBenchCommand implements Callable<Integer> {
    @Option(names = "--beauty-ids", defaultValue = "../shared/data/beauty/reference-sids/rqvae_native.index.json", paramLabel = "FILE",
            description = "Published Beauty IDs for the 12k case: first 3 levels + our dedup token (default ${DEFAULT-VALUE}).")
    Path beautyIds;
    @Option(names = "--items", defaultValue = "1000000", description = "Synthetic scale-up size (default ${DEFAULT-VALUE}).")
    int items;
    @Option(names = "--seconds", defaultValue = "3", description = "Seconds per lookup measurement (default ${DEFAULT-VALUE}).")
    double seconds;
    @Option(names = "--work", defaultValue = "runs/bench-index", paramLabel = "DIR", description = "Scratch directory (default ${DEFAULT-VALUE}).")
    Path work;

    @Override public Integer call() throws IOException {
        System.out.printf(Locale.ROOT, "bench index: %d cores, Lucene %s%n", Runtime.getRuntime().availableProcessors(),
                org.apache.lucene.util.Version.LATEST);
        if (Files.exists(beautyIds)) run("beauty (12,101 items, " + beautyIds.getFileName() + ")", beauty(beautyIds), 256);
        else System.out.println("(no " + beautyIds + ": skipping the Beauty case)");
        run(String.format(Locale.ROOT, "synthetic %,d items (3 × 256, uniform codes)", items), SyntheticIds.generate(items, 3, 256, 42), 256);
        return 0;
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

    private void run(String label, SidReader.Rows rows, int codes) throws IOException {
        System.out.println("\n== " + label);
        Path dir = work.resolve("n" + rows.size());
        IndexModel model = new IndexModel("bench", 3, codes);
        long t0 = System.nanoTime();
        try (SidIndexWriter w = SidIndexWriter.open(dir, model, true, 256)) {
            SidIndexBuilder.build(w, rows.ids(), rows.sids(), Map.of(), SidIndexBuilder.Settings.defaults(), (d, n) -> {});
        }
        double buildS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "build: %,d items in %.2f s = %,.0f items/s (bulk load, 1 commit per 100k, merged to one segment)%n",
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
            System.out.printf(Locale.ROOT, "disk: %,d bytes = %.1f bytes/item%n", st.bytesOnDisk(), st.bytesPerItem());
            for (int threads : new int[] {1, 2}) {
                double hash = rate(threads, i -> map.get(itemQueries[i & (q - 1)]));
                double item = rate(threads, i -> r.read(l -> l.item(itemQueries[i & (q - 1)])).orElseThrow());
                double count = rate(threads, i -> r.read(l -> l.count(prefixQueries[i & (q - 1)])));
                double page = rate(threads, i -> r.read(l -> l.prefix(prefixQueries[i & (q - 1)], null, 10, false)));
                System.out.printf(Locale.ROOT, "%d thread%s: item → ID %,.0f/s (HashMap ceiling %,.0f/s, %.0f%%)   target ≥ 100,000/s%n",
                        threads, threads == 1 ? " " : "s", item, hash, 100 * item / hash);
                System.out.printf(Locale.ROOT, "           prefix count %,.0f/s, prefix page of 10 (ID order) %,.0f/s%n", count, page);
            }
        }
    }

    /** Operations per second over {@link #seconds}, after a warm-up, from {@code threads} threads. */
    private double rate(int threads, IntFunction<Object> op) {
        LongAdder ops = new LongAdder();
        Runnable body = () -> {
            long end = System.nanoTime() + (long) (seconds * 1e9);
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
