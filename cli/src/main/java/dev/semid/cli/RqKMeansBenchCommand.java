package dev.semid.cli;

import dev.semid.lab.bench.RqKMeansBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code semid bench rqkmeans}: the options of {@link RqKMeansBench}. */
@Command(name = "rqkmeans", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark RQ-KMeans training: time beside the FLOP floor, relative error and distinct tuples (greedy, refined,",
                "balanced), and a synthetic catalogue's training time and peak memory against its input matrix."})
final class RqKMeansBenchCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE",
            description = "Embeddings (default ${DEFAULT-VALUE}).")
    Path input;
    @Option(names = "--refine-rounds", defaultValue = "10", description = "Rounds of the refined variant (default ${DEFAULT-VALUE}).")
    int refineRounds;
    @Option(names = "--large-items", defaultValue = "1000000", description = "Synthetic catalogue size; 0 skips it (default ${DEFAULT-VALUE}).")
    int largeItems;
    @Option(names = "--large-dim", defaultValue = "384", description = "Synthetic catalogue dimension (default ${DEFAULT-VALUE}).")
    int largeDim;
    @Mixin RunOptions run;

    @Override public Integer call() throws IOException {
        new RqKMeansBench(settings()).run(System.out);
        return 0;
    }

    RqKMeansBench.Settings settings() {
        return RqKMeansBench.Settings.builder().input(input).refineRounds(refineRounds).largeItems(largeItems).largeDim(largeDim)
                .device(run.device()).build();
    }
}
