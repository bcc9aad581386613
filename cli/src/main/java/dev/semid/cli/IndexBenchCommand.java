package dev.semid.cli;

import dev.semid.lab.bench.IndexBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code semid bench index}: the options of {@link IndexBench}, which builds and queries the Lucene ID index. */
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
        new IndexBench(settings()).run(System.out);
        return 0;
    }

    IndexBench.Settings settings() {
        return IndexBench.Settings.builder().beautyIds(beautyIds).items(items).seconds(seconds).work(work).build();
    }
}
