package dev.semid.cli;

import ai.djl.Device;
import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.Preset;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.io.IdTableReader;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.train.GenRecEpoch;
import dev.semid.genrec.train.GenRecListener;
import dev.semid.genrec.train.GenRecTrainer;
import dev.semid.genrec.train.HeldOut;
import dev.semid.genrec.train.TrainingSamples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Recommender speed with the machine's matmul ceiling measured in the same run: seconds per
 * training epoch and training throughput of each preset on the Beauty sequences, and how fast
 * trie-constrained beam search ranks every test user.
 */
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

    @Override public Integer call() throws Exception {
        Device dev = run.device();
        Interactions data = SequenceReader.read(sequences);
        IdTable ids = IdTableReader.read(sids, idBase);
        ItemCodes codes = GenRecTrainCommand.codesOf(data, ids, sequences);
        System.out.printf(Locale.ROOT, "bench genrec: %s (%,d users, %,d items), IDs %s (%d tokens per item), device %s, %d cores%n", sequences,
                data.userCount(), data.items().size(), sids, codes.positions(), dev, Runtime.getRuntime().availableProcessors());
        double gflops = BenchCommand.matmulGflops(dev);
        System.out.printf(Locale.ROOT, "fp32 matmul peak (2048³ sgemm, best of 10): %.1f GFLOP/s%n", gflops);
        for (String name : presets) {
            Preset preset = Preset.parse(name);
            Interactions timed = preset == Preset.TIGER && tigerUsers > 0 && tigerUsers < data.userCount()
                    ? new Interactions(data.users().subList(0, tigerUsers), data.items(), java.util.Arrays.copyOf(data.sequences(), tigerUsers)) : data;
            double scale = timed == data ? 1 : (double) examples(data, 20) / examples(timed, 20);
            List<EvalCase> test = LeaveOneOutSplit.cases(timed, Split.TEST, 20).cases();
            GenRecConfig cfg = GenRecConfig.defaults(preset).toBuilder().epochs(epochs).evalEvery(epochs).patience(0).beam(beam).build();
            List<int[]> parts = TrainingSamples.trainingParts(timed);
            long targets = 0;
            for (int[] s : preset == Preset.TIGER ? TrainingSamples.examples(parts, cfg.maxHistory()) : TrainingSamples.windows(parts, cfg.maxHistory()))
                targets += preset == Preset.TIGER ? 1 : s.length - 1;
            List<GenRecEpoch> epochsSeen = new ArrayList<>();
            GenRecTrainer.Result r = new GenRecTrainer(cfg, dev, new GenRecListener() {
                @Override public void onRecommenderEpoch(GenRecEpoch e) { epochsSeen.add(e); }
            }).train(timed, preset.generative() ? codes : null);
            try (GenRecModel m = r.model()) {
                double secs = epochsSeen.get(epochsSeen.size() - 1).seconds();
                double first = epochsSeen.get(0).seconds();
                long params = m.params().size();
                // ≈ 6 FLOP per parameter and target (forward 2, backward 4), plus the output layer, which the parameter count holds once
                System.out.printf(Locale.ROOT, "%s (%,d parameters): %.1f s per epoch (first %.1f s), %,.0f training items/s%s%s%n", preset.label(), params,
                        secs * scale, first * scale, targets / secs, preset.generative() ? String.format(Locale.ROOT, ", %,.0f ID tokens/s", targets * codes.positions() / secs) : "",
                        scale == 1 ? "" : String.format(Locale.ROOT, " (timed on %,d users' %,d examples, epoch extrapolated ×%.1f)", timed.userCount(), targets, scale));
                long t0 = System.nanoTime();
                m.recommend(HeldOut.histories(test), 10);
                double predict = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "  predict top-10 for %,d test users%s: %.1f s, %,.0f users/s%s%n", test.size(),
                        preset.generative() ? " (trie-constrained beam " + beam + ")" : " (full softmax over all items)", predict,
                        test.size() / predict, preset == Preset.COMPACT ? "   target ≤ 30 s" : "");
                if (preset == Preset.COMPACT)
                    System.out.printf(Locale.ROOT, "  a 60-minute budget holds %.0f epochs of this size   target: trains on Beauty in ≤ 60 min%n", 3600 / secs);
            }
        }
        return 0;
    }

    private static long examples(Interactions d, int maxHistory) {
        return TrainingSamples.examples(TrainingSamples.trainingParts(d), maxHistory).size();
    }
}
