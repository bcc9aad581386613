package dev.semid.cli;

import dev.semid.genrec.Preset;
import dev.semid.lab.bench.GenRecBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code semid bench genrec}: the options of {@link GenRecBench}, which times recommender training and prediction. */
@Command(name = "genrec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark recommender training (seconds per epoch, training items and ID tokens per second) and prediction"
                + " (test users per second, beam search at --beam), beside the fp32 matmul GFLOP/s of this machine."})
final class GenRecBenchCommand implements Callable<Integer> {
    @Option(names = "--sequences", defaultValue = "../shared/data/beauty/sequences.txt", paramLabel = "FILE", description = "Default ${DEFAULT-VALUE}.")
    Path sequences;
    @Option(names = "--sids", defaultValue = "../shared/data/beauty/reference-sids/rqvae_native.index.json", paramLabel = "FILE",
            description = "ID set (default ${DEFAULT-VALUE}).")
    Path sids;
    @Option(names = "--id-base", defaultValue = "1", paramLabel = "N", description = "Item id of key \"0\" of a .json ID file (default ${DEFAULT-VALUE}).")
    long idBase;
    @Option(names = "--presets", split = ",", defaultValue = "compact,sasrec,tiger", paramLabel = "P",
            description = "Presets to time (default ${DEFAULT-VALUE}).")
    List<String> presets;
    @Option(names = "--tiger-users", defaultValue = "1000", paramLabel = "N",
            description = "tiger is timed on the first N users' examples and its full epoch extrapolated (0: all users) (default ${DEFAULT-VALUE}).")
    int tigerUsers;
    @Option(names = "--epochs", defaultValue = "2", description = "Training epochs to time per preset (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--beam", defaultValue = "20", description = "Beam width for prediction (default ${DEFAULT-VALUE}).")
    int beam;
    @Mixin RunOptions run;

    @Override public Integer call() {
        new GenRecBench(settings()).run(System.out);
        return 0;
    }

    GenRecBench.Settings settings() {
        return GenRecBench.Settings.builder().sequences(sequences).sids(sids).idBase(idBase).presets(presets.stream().map(Preset::parse).toList())
                .tigerUsers(tigerUsers).epochs(epochs).beam(beam).device(run.device()).build();
    }
}
