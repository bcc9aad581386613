package dev.semid.lab.bench;

import dev.semid.genrec.io.CatalogueCodes;
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
import dev.semid.tokenizer.engine.Devices;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recommender speed with the machine's matmul ceiling measured in the same run: seconds per
 * training epoch and training throughput of each preset on the Beauty sequences, and how fast
 * trie-constrained beam search ranks every test user.
 */
public final class GenRecBench {
    /**
     * @param sequences  user sequences
     * @param sids       the ID set
     * @param idBase     item id of key "0" of a .json ID file
     * @param presets    presets to time, in order
     * @param tigerUsers tiger is timed on the first N users' examples and its full epoch extrapolated (0: all users)
     * @param epochs     training epochs to time per preset
     * @param beam       beam width for prediction
     * @param device     where PyTorch runs (default: a GPU when there is one, else the CPU)
     */
    public record Settings(Path sequences, Path sids, long idBase, List<Preset> presets, int tigerUsers, int epochs, int beam, Device device) {
        public Settings {
            presets = List.copyOf(presets);
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path sequences = Path.of("../shared/data/beauty/sequences.txt");
            private Path sids = Path.of("../shared/data/beauty/reference-sids/rqvae_native.index.json");
            private long idBase = 1;
            private List<Preset> presets = List.of(Preset.COMPACT, Preset.SASREC, Preset.TIGER);
            private int tigerUsers = 1000, epochs = 2, beam = 20;
            private Device device;

            private Builder() {}

            public Builder sequences(Path v) { sequences = v; return this; }
            public Builder sids(Path v) { sids = v; return this; }
            public Builder idBase(long v) { idBase = v; return this; }
            public Builder presets(List<Preset> v) { presets = v; return this; }
            public Builder tigerUsers(int v) { tigerUsers = v; return this; }
            public Builder epochs(int v) { epochs = v; return this; }
            public Builder beam(int v) { beam = v; return this; }
            public Builder device(Device v) { device = v; return this; }

            public Settings build() {
                return new Settings(sequences, sids, idBase, presets, tigerUsers, epochs, beam, device != null ? device : Devices.resolve("auto"));
            }
        }
    }

    private final Settings settings;

    public GenRecBench(Settings settings) {
        this.settings = settings;
    }

    /** Trains and predicts with each preset, printing each figure to {@code out} as it is measured. */
    public void run(PrintStream out) {
        Device dev = settings.device();
        Path sequences = settings.sequences(), sids = settings.sids();
        int tigerUsers = settings.tigerUsers(), epochs = settings.epochs(), beam = settings.beam();
        Interactions data = SequenceReader.read(sequences);
        IdTable ids = IdTableReader.read(sids, settings.idBase());
        ItemCodes codes = CatalogueCodes.of(data, ids, sequences);
        out.printf(Locale.ROOT, "bench genrec: %s (%,d users, %,d items), IDs %s (%d tokens per item), device %s, %d cores%n", sequences,
                data.userCount(), data.items().size(), sids, codes.positions(), dev, Runtime.getRuntime().availableProcessors());
        double gflops = MatmulPeak.gflops(dev);
        out.printf(Locale.ROOT, "fp32 matmul peak (2048³ sgemm, best of 10): %.1f GFLOP/s%n", gflops);
        for (Preset preset : settings.presets()) {
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
                out.printf(Locale.ROOT, "%s (%,d parameters): %.1f s per epoch (first %.1f s), %,.0f training items/s%s%s%n", preset.label(), params,
                        secs * scale, first * scale, targets / secs, preset.generative() ? String.format(Locale.ROOT, ", %,.0f ID tokens/s", targets * codes.positions() / secs) : "",
                        scale == 1 ? "" : String.format(Locale.ROOT, " (timed on %,d users' %,d examples, epoch extrapolated ×%.1f)", timed.userCount(), targets, scale));
                long t0 = System.nanoTime();
                m.recommend(HeldOut.histories(test), 10);
                double predict = (System.nanoTime() - t0) / 1e9;
                out.printf(Locale.ROOT, "  predict top-10 for %,d test users%s: %.1f s, %,.0f users/s%s%n", test.size(),
                        preset.generative() ? " (trie-constrained beam " + beam + ")" : " (full softmax over all items)", predict,
                        test.size() / predict, preset == Preset.COMPACT ? "   target ≤ 30 s" : "");
                if (preset == Preset.COMPACT)
                    out.printf(Locale.ROOT, "  a 60-minute budget holds %.0f epochs of this size   target: trains on Beauty in ≤ 60 min%n", 3600 / secs);
            }
        }
    }


    private static long examples(Interactions d, int maxHistory) {
        return TrainingSamples.examples(TrainingSamples.trainingParts(d), maxHistory).size();
    }
}
