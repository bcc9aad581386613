package dev.semid.cli;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.TokenSidReader;
import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.metrics.CollisionStats;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.CollisionConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The Beauty comparison: every method with the same seed, epochs and architecture, on the
 * MiniLM and SASRec embeddings, beside the published reference IDs; writes a Markdown report
 * (and its JSON) that anyone can regenerate with this one command.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train and measure several methods on Amazon Beauty; write docs/results/methods-beauty.md.",
                "Same seed, epochs and architecture for every method; the published reference IDs are measured alongside."})
final class CompareCommand implements Callable<Integer> {
    @Option(names = "--data", defaultValue = "../shared/data/beauty", paramLabel = "DIR", description = "Beauty data directory (default ${DEFAULT-VALUE}).")
    Path data;
    @Option(names = "--methods", defaultValue = "rqkmeans,rqvae,wasserstein,grit,wasserstein+grit", split = ",",
            description = "Methods to compare (default ${DEFAULT-VALUE}).")
    List<String> methods;
    @Option(names = "--embeddings", defaultValue = "embeddings-minilm-384.npy,embeddings-sasrec-32.npy", split = ",",
            description = "Embedding files in --data (default ${DEFAULT-VALUE}).")
    List<String> embeddings;
    @Option(names = "--report", defaultValue = "docs/results/methods-beauty.md", paramLabel = "FILE", description = "Markdown report (default ${DEFAULT-VALUE}); JSON beside it.")
    Path report;
    @Mixin TrainOptions train;
    @Mixin RunOptions run;

    record Row(String embeddings, String method, List<LevelStats> levels, int items, int distinct3, Integer distinct4,
               Double relError, Double reconMse, Double seconds) {}

    @Override public Integer call() throws Exception {
        Device dev = run.device();
        ProgressBar progress = run.progress();
        List<Row> rows = new ArrayList<>();
        for (String file : embeddings) {
            EmbeddingSet set = EmbeddingReader.read(data.resolve(file), null, 1);
            for (String method : methods) {
                train.method = method;
                System.err.printf("== %s on %s%n", method, file);
                long t0 = System.nanoTime();
                QuantizerModel model = train.train(set.vectors(), dev, progress);
                double seconds = (System.nanoTime() - t0) / 1e9;
                TokenizerMetrics m;
                try (Tokenizer t = Tokenizers.open(model, dev)) {
                    m = Tokenization.run(t, set, CollisionConfig.defaults(), (d, n) -> {}).metrics();
                }
                System.err.print(m.summary());
                rows.add(new Row(file, method, m.levels(), set.size(), m.beforeDedup().distinctIds(), null,
                        m.relativeQuantizationError(), m.reconstructionMse(), seconds));
            }
        }
        Path refDir = data.resolve("reference-sids");
        List<Row> refs = new ArrayList<>();
        if (Files.isDirectory(refDir))
            try (var files = Files.list(refDir)) {
                for (Path f : files.sorted().toList()) {
                    int[][] codes = TokenSidReader.read(f);
                    int[][] first3 = new int[codes.length][];
                    for (int i = 0; i < codes.length; i++) first3[i] = java.util.Arrays.copyOf(codes[i], Math.min(3, codes[i].length));
                    refs.add(new Row("published", f.getFileName().toString().replace(".index.json", ""),
                            CodeUsage.perLevel(first3, 256), codes.length, CollisionStats.of(codes, Math.min(3, codes[0].length)).distinctIds(),
                            CollisionStats.of(codes).distinctIds(), null, null, null));
                }
            }
        String md = markdown(rows, refs);
        Files.createDirectories(report.toAbsolutePath().getParent());
        AtomicFiles.write(report, out -> out.write(md.getBytes(StandardCharsets.UTF_8)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", train.rqVaeConfigForReport());
        json.put("rows", rows);
        json.put("references", refs);
        Json.write(report.resolveSibling(report.getFileName().toString().replaceAll("\\.md$", "") + ".json"), json);
        Output output = run.output();
        output.detail().print(md);
        output.result().println("report → " + report);
        return 0;
    }

    private String markdown(List<Row> rows, List<Row> refs) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Semantic-ID quantizers on Amazon Beauty\n\n");
        sb.append("Generated by `./semid compare").append(train.epochs != 200 ? " --epochs " + train.epochs : "")
                .append("` (seed ").append(train.seed).append(", ").append(train.epochs).append(" epochs max, patience ")
                .append(train.patience).append(", batch ").append(train.batchSize).append(", encoder ")
                .append(java.util.Arrays.toString(train.hidden)).append(" → ").append(train.latentDim)
                .append(", 3 × 256, every method with the same settings) on a ")
                .append(Runtime.getRuntime().availableProcessors()).append("-core CPU.\n");
        sb.append("Distinct IDs are counted on the 3 quantizer levels before any dedup token; after dedup every ID is unique.\n");
        sb.append("Relative quantization error = Σ||z − ẑ||² / Σ||z − mean z||² in each model's own latent space; "
                + "recon MSE = mean squared error of the decoder output per element (none for RQ-KMeans).\n");
        for (String emb : rows.stream().map(Row::embeddings).distinct().toList()) {
            sb.append("\n## ").append(emb).append("\n\n");
            sb.append("| method | util L1 / L2 / L3 | perplexity L1 / L2 / L3 | distinct IDs before dedup | rel. quant. error | recon MSE | train s |\n");
            sb.append("| --- | --- | --- | --- | --- | --- | --- |\n");
            for (Row r : rows) if (r.embeddings().equals(emb)) sb.append(line(r));
        }
        if (!refs.isEmpty()) {
            sb.append("\n## Published reference IDs (`reference-sids/`, first 3 of their 4 levels)\n\n");
            sb.append("| IDs | util L1 / L2 / L3 | perplexity L1 / L2 / L3 | distinct 3-level prefixes | distinct 4-level IDs |\n");
            sb.append("| --- | --- | --- | --- | --- |\n");
            for (Row r : refs)
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d |%n", r.method(), util(r), perplexity(r), r.distinct3(), r.distinct4()));
            sb.append("\nQuantization error and reconstruction are not computable for the published IDs (no codebooks or decoders were published).\n");
        }
        sb.append(verdicts(rows));
        return sb.toString();
    }

    private static String line(Row r) {
        return String.format(Locale.ROOT, "| %s | %s | %s | %,d / %,d | %s | %s | %.0f |%n", r.method(), util(r), perplexity(r),
                r.distinct3(), r.items(), r.relError() == null ? "–" : String.format(Locale.ROOT, "%.4f", r.relError()),
                r.reconMse() == null ? "–" : String.format(Locale.ROOT, "%.5f", r.reconMse()), r.seconds());
    }

    private static String util(Row r) {
        return r.levels().stream().map(s -> String.format(Locale.ROOT, "%.1f%%", 100 * s.utilisation())).collect(Collectors.joining(" / "));
    }

    private static String perplexity(Row r) {
        return r.levels().stream().map(s -> String.format(Locale.ROOT, "%.0f", s.perplexity())).collect(Collectors.joining(" / "));
    }

    /** The bar, checked against what was measured, per embedding. */
    private static String verdicts(List<Row> rows) {
        StringBuilder sb = new StringBuilder("\n## Checks\n\n");
        for (String emb : rows.stream().map(Row::embeddings).distinct().toList()) {
            Row base = rows.stream().filter(r -> r.embeddings().equals(emb) && r.method().equals("rqvae")).findFirst().orElse(null);
            for (Row r : rows) {
                if (!r.embeddings().equals(emb) || !(r.method().equals("wasserstein") || r.method().equals("grit"))) continue;
                boolean util = r.levels().stream().allMatch(s -> s.utilisation() >= 0.99);
                sb.append(String.format(Locale.ROOT, "- %s, %s: ≥ 99%% utilisation on every level: %s", emb, r.method(), util ? "yes" : "**no**"));
                if (base != null)
                    sb.append(String.format(Locale.ROOT, "; more distinct IDs than RQ-VAE (%,d vs %,d): %s; quantization error ≤ RQ-VAE's (%.4f vs %.4f): %s",
                            r.distinct3(), base.distinct3(), r.distinct3() > base.distinct3() ? "yes" : "**no**",
                            r.relError(), base.relError(), r.relError() <= base.relError() ? "yes" : "**no**"));
                sb.append("\n");
            }
        }
        return sb.toString();
    }
}
