package dev.semid.lab.compare;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.engine.Devices;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.sid.CollisionStats;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.CollisionConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Beauty comparison: every method trained with the same seed, epochs and architecture on
 * each embedding file, its IDs measured (utilisation, perplexity, distinct IDs, quantization error,
 * reconstruction), beside the published reference IDs; and the Markdown report of it all.
 */
public final class MethodComparison {
    /**
     * @param data       the Beauty data directory: the embedding files and {@code reference-sids/}
     * @param methods    methods to compare, in order
     * @param embeddings embedding files in {@code data}
     * @param device     where the models tokenize (default: a GPU when there is one, else the CPU)
     * @param trainer    trains each method (required)
     * @param recipe     what the trainer's shared settings are, for the report (required)
     */
    public record Settings(Path data, List<String> methods, List<String> embeddings, Device device, MethodTrainer trainer,
                           TrainingRecipe recipe) {
        public Settings {
            methods = List.copyOf(methods);
            embeddings = List.copyOf(embeddings);
            Objects.requireNonNull(trainer, "trainer");
            Objects.requireNonNull(recipe, "recipe");
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path data = Path.of("../shared/data/beauty");
            private List<String> methods = List.of("rqkmeans", "rqvae", "wasserstein", "grit", "wasserstein+grit");
            private List<String> embeddings = List.of("embeddings-minilm-384.npy", "embeddings-sasrec-32.npy");
            private Device device;
            private MethodTrainer trainer;
            private TrainingRecipe recipe;

            private Builder() {}

            public Builder data(Path v) { data = v; return this; }
            public Builder methods(List<String> v) { methods = v; return this; }
            public Builder embeddings(List<String> v) { embeddings = v; return this; }
            public Builder device(Device v) { device = v; return this; }
            public Builder trainer(MethodTrainer v) { trainer = v; return this; }
            public Builder recipe(TrainingRecipe v) { recipe = v; return this; }

            public Settings build() {
                return new Settings(data, methods, embeddings, device != null ? device : Devices.resolve("auto"), trainer, recipe);
            }
        }
    }

    /** The measured rows, the published references, and the report of both. */
    public record Result(List<ComparisonRow> rows, List<ComparisonRow> references, String markdown) {}

    private final Settings settings;

    public MethodComparison(Settings settings) {
        this.settings = settings;
    }

    /** Trains and measures every method on every embedding file, saying which to {@code log} with each one's metrics. */
    public Result run(PrintStream log) throws IOException {
        List<ComparisonRow> rows = new ArrayList<>();
        for (String file : settings.embeddings()) {
            EmbeddingSet set = EmbeddingReader.read(settings.data().resolve(file), null, 1);
            for (String method : settings.methods()) {
                log.printf("== %s on %s%n", method, file);
                long t0 = System.nanoTime();
                QuantizerModel model = settings.trainer().train(method, set.vectors());
                double seconds = (System.nanoTime() - t0) / 1e9;
                TokenizerMetrics m;
                try (Tokenizer t = Tokenizers.open(model, settings.device())) {
                    m = Tokenization.run(t, set, CollisionConfig.defaults(), (d, n) -> {}).metrics();
                }
                log.print(m.summary());
                rows.add(new ComparisonRow(file, method, m.levels(), set.size(), m.beforeDedup().distinctIds(), null,
                        m.relativeQuantizationError(), m.reconstructionMse(), m.inputRelativeError(), seconds));
            }
        }
        List<ComparisonRow> refs = references(settings.data().resolve("reference-sids"));
        return new Result(rows, refs, ComparisonReport.markdown(rows, refs, settings.recipe()));
    }

    /** Each published ID set in {@code dir}, measured on its first 3 levels (none when there is no such directory). */
    private static List<ComparisonRow> references(Path dir) throws IOException {
        List<ComparisonRow> refs = new ArrayList<>();
        if (Files.isDirectory(dir))
            try (var files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    int[][] codes = TokenSidReader.read(f);
                    int[][] first3 = new int[codes.length][];
                    for (int i = 0; i < codes.length; i++) first3[i] = Arrays.copyOf(codes[i], Math.min(3, codes[i].length));
                    refs.add(new ComparisonRow("published", f.getFileName().toString().replace(".index.json", ""),
                            CodeUsage.perLevel(first3, 256), codes.length, CollisionStats.of(codes, Math.min(3, codes[0].length)).distinctIds(),
                            CollisionStats.of(codes).distinctIds(), null, null, null, null));
                }
            }
        return refs;
    }
}
