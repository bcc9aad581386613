package dev.semid.cli;

import dev.semid.eval.io.Alignment;
import dev.semid.eval.TokenizerEvaluation;
import dev.semid.eval.quality.IdSet;
import dev.semid.eval.quality.TokenizerQuality;
import dev.semid.eval.report.TokenizerReport;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.sid.CollisionStats;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.sid.CollisionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

@Command(name = "tokenizer", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Quality of semantic-ID sets, ours or published: per-level utilisation and perplexity, collisions per prefix length,"
                + " the prefix tree's shape, neighbour preservation against a random assignment (with --embeddings), and the relative"
                + " quantization error (with --model).",
                "With --embeddings, every ID set is restricted to the embedded items (an embedded item without an ID is an error)."})
final class EvalTokenizerCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "Also tokenize --embeddings with this model and report its quantization error.")
    Path model;
    @Mixin EvalDataOptions data;
    @Option(names = "--neighbours", defaultValue = "10", paramLabel = "K", description = "k nearest neighbours (cosine) per item (default ${DEFAULT-VALUE}; 0: skip).")
    int neighbours;
    @Option(names = "--largest-subtrees", defaultValue = "5", paramLabel = "N", description = "Largest prefixes listed per level (default ${DEFAULT-VALUE}).")
    int largestSubtrees;
    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Results JSON (written atomically).")
    Path out;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        if (data.sids.isEmpty() && model == null) throw new IllegalArgumentException("nothing to evaluate: give --sids and/or --model");
        if (model != null && data.embeddings == null) throw new IllegalArgumentException("--model needs --embeddings to tokenize");
        TokenizerEvaluation evaluation = new TokenizerEvaluation(neighbours, largestSubtrees, Runtime.getRuntime().availableProcessors());
        EmbeddingSet items = data.readEmbeddings();
        List<IdSet> sets = new ArrayList<>();
        if (model != null) {
            var m = ModelArtifact.load(model);
            if (items.dimension() != m.inputDim())
                throw new InputException(data.embeddings.toString(), null, "embeddings have dimension " + items.dimension() + ", the model expects " + m.inputDim());
            try (Tokenizer t = Tokenizers.open(m, run.device())) {
                Tokenization.Result r = Tokenization.run(t, items, CollisionConfig.defaults(), (d, n) -> run.progress().task("tokenizing", d, n));
                String name = model.toAbsolutePath().normalize().getFileName().toString();
                sets.add(new IdSet(name, r.ids(), r.codes(), m.codebookSize(), r.metrics().relativeQuantizationError()));
            }
        }
        for (var l : data.readIdSets("")) sets.add(items == null ? l.ids() : Alignment.restrict(l.ids(), items.ids(), l.file()));
        TokenizerReport report = evaluation.run(sets, items, data.embeddings == null ? null : data.embeddings.toString(), (k, n, secs) -> {
            if (!run.quiet) System.err.printf(Locale.ROOT, "%d nearest neighbours of %,d items in %.1f s%n", k, n, secs);
        });
        Json.write(out, report);
        List<TokenizerQuality> qualities = report.idSets();
        Output output = run.output();
        output.detail().print(table(qualities));
        output.result().printf(Locale.ROOT, "tokenizer quality of %d ID sets → %s%n", qualities.size(), out);
        return 0;
    }

    static String table(List<TokenizerQuality> qs) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-18s %6s %-22s %-20s %-30s %8s %7s %-28s %8s%n", "ID set", "levels",
                "util % per level", "perplexity", "distinct prefixes per level", "collide%", "largest", "k-NN sharing ℓ-prefix (× random)", "rel.QE"));
        for (TokenizerQuality q : qs) {
            CollisionStats full = q.prefixCollisions().get(q.levels() - 1);
            String np = q.neighbours() == null ? "–" : q.neighbours().levels().stream().limit(3)
                    .map(l -> String.format(Locale.ROOT, "%.2f(×%s)", l.share(), l.lift() == null ? "–" : String.format(Locale.ROOT, "%.0f", l.lift()))).collect(Collectors.joining(" "));
            sb.append(String.format(Locale.ROOT, "%-18s %6d %-22s %-20s %-30s %8.2f %7d %-28s %8s%n", q.name(), q.levels(),
                    join(q.usage(), s -> String.format(Locale.ROOT, "%.0f", 100 * s.utilisation())),
                    join(q.usage(), s -> String.format(Locale.ROOT, "%.0f", s.perplexity())),
                    q.prefixCollisions().stream().map(c -> String.format(Locale.ROOT, "%d", c.distinctIds())).collect(Collectors.joining("/")),
                    100 * full.collisionRate(), full.largestGroup(), np,
                    q.relativeQuantizationError() == null ? "–" : String.format(Locale.ROOT, "%.4f", q.relativeQuantizationError())));
        }
        return sb.toString();
    }

    private static String join(List<LevelStats> levels, Function<LevelStats, String> f) {
        return levels.stream().map(f).collect(Collectors.joining("/"));
    }

}
