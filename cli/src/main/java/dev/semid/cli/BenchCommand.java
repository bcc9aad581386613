package dev.semid.cli;

import dev.semid.lab.bench.TokenizerBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code semid bench}: the options of {@link TokenizerBench}, which times training and encoding; the other benchmarks are its subcommands. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark training and encoding on an embedding file (default: Amazon Beauty MiniLM 384-d).",
                "`semid bench index` benchmarks the Lucene ID index, `semid bench serve` the streaming service, `semid bench genrec` the recommenders,",
                "`semid bench rqkmeans` RQ-KMeans training (speed, quality, a million items), `semid bench embed` text embedding,",
                "`semid bench spark` the Spark job beside `semid tokenize` (the launcher runs it on the spark module's class path),",
                "`semid bench soak` the streaming service under repeated SIGKILLs, judged by the stream checker."},
        subcommands = {IndexBenchCommand.class, ServeBenchCommand.class, GenRecBenchCommand.class, RqKMeansBenchCommand.class,
                EmbedBenchCommand.class, SoakBenchCommand.class})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE",
            description = "Embeddings (default ${DEFAULT-VALUE}).")
    Path input;
    @Option(names = "--epochs", defaultValue = "8", description = "RQ-VAE epochs to time (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "1024", description = "RQ-VAE batch size (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--encode-items", defaultValue = "200000", description = "Items to encode for throughput (input tiled) (default ${DEFAULT-VALUE}).")
    int encodeItems;
    @Option(names = "--codes", defaultValue = "256,4096", split = ",",
            description = "Codebook sizes K at which each method's epoch is timed against plain RQ-VAE (default ${DEFAULT-VALUE}).")
    List<Integer> codes;
    @Mixin RunOptions run;

    @Override public Integer call() {
        new TokenizerBench(settings()).run(System.out);
        return 0;
    }

    TokenizerBench.Settings settings() {
        return TokenizerBench.Settings.builder().input(input).epochs(epochs).batchSize(batchSize).encodeItems(encodeItems)
                .device(run.device()).codes(codes).build();
    }
}
