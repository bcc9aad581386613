package dev.semid.lab.ablation;

import ai.djl.Device;
import dev.semid.eval.math.NearestNeighbours;
import dev.semid.eval.quality.NeighbourPreservation;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.engine.Devices;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.train.Trainers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Wasserstein/GRIT ablation: for every embedding file, each RQ-VAE-family method is tuned
 * on the same grid (learning rate × its own weight at 1 and {@code weightFactor} times the
 * default) in the tuning regime with the first seed, the candidate with the lowest held-out
 * reconstruction loss is kept, and then every method runs in every regime with every seed.
 * GRIT's radius variants run in the tuning regime on the first embedding file. Cells are cached.
 */
public final class Ablation {
    /** Nearest neighbours per item for neighbour preservation. */
    private static final int NEIGHBOURS = 10;

    /**
     * @param radii        GRIT radius variants beside the default (saturating), run in the tuning regime
     * @param tuningRegime where the grid is searched (the regime's name)
     */
    public record Settings(Path data, List<String> embeddings, List<Regime> regimes, List<String> methods, List<Long> seeds,
                           List<Double> learningRates, double weightFactor, List<String> radii, String tuningRegime,
                           Recipe recipe, Path work, Device device, TrainingListener listener) {
        public Settings {
            embeddings = List.copyOf(embeddings);
            regimes = List.copyOf(regimes);
            methods = List.copyOf(methods);
            seeds = List.copyOf(seeds);
            learningRates = List.copyOf(learningRates);
            radii = List.copyOf(radii);
            Objects.requireNonNull(recipe, "recipe");
            if (seeds.isEmpty() || learningRates.isEmpty() || embeddings.isEmpty() || regimes.isEmpty() || methods.isEmpty())
                throw new IllegalArgumentException("an ablation needs at least one embedding file, regime, method, seed and learning rate");
            if (!(weightFactor > 0)) throw new IllegalArgumentException("weight factor must be > 0, got " + weightFactor);
            for (String m : methods) if (!Trainers.METHODS.contains(m)) throw new IllegalArgumentException("unknown method '" + m + "'");
            Regime.named(tuningRegime);
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path data = Path.of("../shared/data/beauty");
            private List<String> embeddings = List.of("embeddings-minilm-384.npy", "embeddings-sasrec-32.npy");
            private List<Regime> regimes = Regime.standard();
            private List<String> methods = Trainers.METHODS;
            private List<Long> seeds = List.of(1L, 2L, 3L);
            private List<Double> learningRates = List.of(1e-3, 3e-3);
            private double weightFactor = 4;
            private List<String> radii = List.of("classic", "constant", "power");
            private String tuningRegime = "b";
            private Recipe recipe = Recipe.defaults();
            private Path work = Path.of("runs/ablation");
            private Device device;
            private TrainingListener listener = TrainingListener.NONE;

            private Builder() {}

            public Builder data(Path v) { data = v; return this; }
            public Builder embeddings(List<String> v) { embeddings = v; return this; }
            public Builder regimes(List<Regime> v) { regimes = v; return this; }
            public Builder methods(List<String> v) { methods = v; return this; }
            public Builder seeds(List<Long> v) { seeds = v; return this; }
            public Builder learningRates(List<Double> v) { learningRates = v; return this; }
            public Builder weightFactor(double v) { weightFactor = v; return this; }
            public Builder radii(List<String> v) { radii = v; return this; }
            public Builder tuningRegime(String v) { tuningRegime = v; return this; }
            public Builder recipe(Recipe v) { recipe = v; return this; }
            public Builder work(Path v) { work = v; return this; }
            public Builder device(Device v) { device = v; return this; }
            public Builder listener(TrainingListener v) { listener = v; return this; }

            public Settings build() {
                return new Settings(data, embeddings, regimes, methods, seeds, learningRates, weightFactor, radii, tuningRegime, recipe,
                        work, device != null ? device : Devices.resolve("auto"), listener);
            }
        }
    }

    /** One grid point of one method's search, and whether it was chosen. */
    public record Tuning(String embeddings, Candidate candidate, Double validationLoss, boolean chosen) {}

    public record Result(Settings settings, List<Tuning> tuning, List<CellResult> cells, String markdown) {}

    private final Settings settings;
    private final CellStore store;

    public Ablation(Settings settings) {
        this.settings = settings;
        this.store = new CellStore(settings.work());
    }

    /** Everything the settings ask for, from the cache where it is there; one line per cell to {@code log}. */
    public Result run(PrintStream log) throws IOException {
        List<Tuning> tuning = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>();
        Regime tuningRegime = Regime.named(settings.tuningRegime());
        long firstSeed = settings.seeds().getFirst();
        for (String file : settings.embeddings()) {
            Data data = Data.load(settings.data().resolve(file), file);
            Map<String, Candidate> chosen = new LinkedHashMap<>();
            for (String method : settings.methods()) {
                List<Candidate> grid = grid(method);
                if (grid.size() == 1) {
                    chosen.put(method, grid.getFirst());
                    continue;
                }
                List<Tuning> rows = new ArrayList<>();
                for (Candidate c : grid) {
                    CellResult r = cell(data, tuningRegime, c, firstSeed, log, "tuning");
                    rows.add(new Tuning(file, c, r.validationLoss(), false));
                }
                Tuning best = rows.stream().filter(t -> t.validationLoss() != null && Double.isFinite(t.validationLoss()))
                        .min(Comparator.comparingDouble(Tuning::validationLoss)).orElse(rows.getFirst());
                chosen.put(method, best.candidate());
                for (Tuning t : rows) tuning.add(t == best ? new Tuning(t.embeddings(), t.candidate(), t.validationLoss(), true) : t);
                log.printf(Locale.ROOT, "%s · %s: chose lr %s, %s = %s%n", file, method, best.candidate().learningRate(),
                        best.candidate().weightName(), best.candidate().weight());
            }
            for (Regime regime : settings.regimes())
                for (String method : settings.methods())
                    for (long seed : settings.seeds()) cells.add(cell(data, regime, chosen.get(method), seed, log, "cell"));
            if (file.equals(settings.embeddings().getFirst()) && chosen.containsKey("grit"))
                for (String radius : settings.radii()) {
                    Candidate g = chosen.get("grit");
                    Candidate variant = new Candidate("grit", radius, g.learningRate(), g.weight());
                    for (long seed : settings.seeds()) cells.add(cell(data, tuningRegime, variant, seed, log, "radius"));
                }
        }
        return new Result(settings, tuning, cells, AblationReport.markdown(settings, tuning, cells));
    }

    /** The method's search grid: every learning rate × its weight at the default and weightFactor × the default. */
    List<Candidate> grid(String method) {
        if (method.equals("rqkmeans")) return List.of(new Candidate(method, "", 0, 0));
        double w = Candidate.defaultWeight(method);
        List<Candidate> out = new ArrayList<>();
        for (double lr : settings.learningRates())
            for (double weight : new double[] {w, w * settings.weightFactor()}) out.add(new Candidate(method, "", lr, weight));
        return out;
    }

    private record Data(String file, EmbeddingSet set, int[][] neighbours) {
        static Data load(Path path, String file) {
            EmbeddingSet set = EmbeddingReader.read(path, null, 1);
            return new Data(file, set, NearestNeighbours.cosine(set.vectors(), NEIGHBOURS, Runtime.getRuntime().availableProcessors()));
        }
    }

    private CellResult cell(Data data, Regime regime, Candidate c, long seed, PrintStream log, String role) throws IOException {
        // RQ-KMeans has no heuristics to switch: regimes of one shape share its cells
        Regime stored = c.trained() ? regime : new Regime("rqkmeans-" + regime.levels() + "x" + regime.codes(), regime.codes(),
                regime.levels(), true, "");
        CellResult cached = store.find(data.file(), stored, c, seed);
        if (cached != null && !cached.regime().equals(regime.name())) cached = cached.inRegime(regime.name());
        String what = String.format(Locale.ROOT, "%s · %s · %s · seed %d", data.file(), regime.name(), c.key(), seed);
        if (cached != null) {
            log.printf("%s %s: cached%n", role, what);
            return cached;
        }
        log.printf("%s %s: training%n", role, what);
        long t0 = System.nanoTime();
        QuantizerModel model = Trainers.of(c.method(), new CellSettings(regime, c, seed, settings.recipe()), settings.device(),
                settings.listener()).train(data.set().vectors());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int n = data.set().size();
        Tokenization.Result tokens;
        try (Tokenizer t = Tokenizers.open(model, settings.device())) {
            // measurement only: any collision group size is allowed, the dedup token is not the point here
            tokens = Tokenization.run(t, data.set(), CollisionConfig.defaults().withMaxDedup(Math.max(CollisionConfig.DEFAULT_MAX_DEDUP, n)),
                    (done, total) -> {});
        }
        TokenizerMetrics m = tokens.metrics();
        List<Double> share = NeighbourPreservation.of(data.neighbours(), tokens.codes()).levels().stream()
                .map(NeighbourPreservation.Level::share).toList();
        Map<String, Object> tm = model.metrics();
        CellResult r = new CellResult(data.file(), regime.name(), c.method(), c.radius(), seed, c.learningRate(), c.weight(),
                m.levels().stream().map(LevelStats::utilisation).toList(), m.levels().stream().map(LevelStats::perplexity).toList(),
                m.beforeDedup().distinctIds(), n, m.inputRelativeError(), share, seconds,
                intOrNull(tm.get("epochsRun")), intOrNull(tm.get("bestEpoch")), (String) tm.get("stopReason"),
                c.trained() ? ((Number) tm.get("bestMonitoredLoss")).doubleValue() : null);
        SidWriter.write(store.sids(data.file(), stored, c, seed), tokens.ids(), tokens.sids());
        store.save(data.file(), stored, c, seed, r);
        log.printf(Locale.ROOT, "  %.0f s, %s epochs, min utilisation %.1f%%, %,d distinct, input error %.4f%n", seconds,
                r.epochsRun() == null ? "–" : r.epochsRun() + " (best " + r.bestEpoch() + ", " + r.stopReason() + ")",
                100 * r.minUtilisation(), r.distinct(), r.inputRelError());
        return r;
    }

    private static Integer intOrNull(Object o) { return o == null ? null : ((Number) o).intValue(); }
}
