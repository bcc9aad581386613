package dev.semid.lab.bench;

import ai.djl.Device;
import dev.semid.embed.EmbedConfig;
import dev.semid.embed.SentenceEncoder;
import dev.semid.embed.SentenceModel;
import dev.semid.embed.TextTemplate;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.NpyReader;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text embedding speed and agreement: the built-in all-MiniLM-L6-v2 over a catalogue's texts
 * (default Amazon Beauty's), as {@code semid embed} runs it, beside the straightforward way (one
 * text per model call, one call at a time) and one core on a prefix of the same texts, the FLOPs the model spends per item, and
 * the cosine of every embedding to a reference made with the same model in Python.
 * FLOPs per token of a BERT encoder: each of its L layers multiplies the token by Q, K, V, O
 * (4h²) and the feed-forward pair (2·h·f), two FLOPs a multiply-add: 2·L·(4h² + 2hf); for
 * MiniLM-L6 (L=6, h=384, f=1536) that is 21.2 MFLOP, attention scores adding 4·n·h per layer
 * for n tokens (small for short texts).
 */
public final class EmbedBench {
    static final int LAYERS = 6, HIDDEN = 384, FFN = 1536;

    /**
     * @param catalogue     item texts (.tsv/.csv/.jsonl)
     * @param template      the text template over its fields
     * @param reference     embeddings of the same texts made elsewhere (row r = item r+1); null or missing skips the check
     * @param baselineItems texts the one-text-per-call baseline embeds
     */
    public record Settings(Path catalogue, String template, Path reference, int baselineItems) {}

    private final Settings settings;

    public EmbedBench(Settings settings) { this.settings = settings; }

    public void run(PrintStream out) {
        List<String> ids = new ArrayList<>(), texts = new ArrayList<>();
        TextTemplate template = TextTemplate.parse(settings.template());
        CatalogueReader.read(settings.catalogue(), null, (id, fields, where) -> {
            ids.add(id);
            texts.add(template.render(fields));
        });
        int cores = Runtime.getRuntime().availableProcessors();
        double peak = MatmulPeak.gflops(Device.cpu());
        out.printf("semid bench embed: %,d texts from %s, %s, %d cores; float32 matmul peak here %.0f GFLOP/s%n", texts.size(),
                settings.catalogue(), SentenceModel.MINILM, cores, peak);
        SentenceModel model = SentenceModel.miniLm();
        out.println("| run | texts | seconds | texts/s | tokens/text | GFLOP/s (share of peak) |");
        out.println("| --- | --- | --- | --- | --- | --- |");
        SentenceEncoder.Result full = null;
        try (SentenceEncoder e = SentenceEncoder.open(model, EmbedConfig.defaults())) {
            e.encode(texts.subList(0, Math.min(256, texts.size())), null); // warm-up: graph optimisation, allocator
            long t0 = System.nanoTime();
            full = e.encode(texts, null);
            row(out, "semid embed (length-sorted batches of 64, " + cores + " side by side)", texts.size(), full.tokens(), System.nanoTime() - t0, peak);
        }
        List<String> prefix = texts.subList(0, Math.min(settings.baselineItems(), texts.size()));
        try (SentenceEncoder e = SentenceEncoder.open(model, EmbedConfig.defaults().withBatchSize(1).withThreads(1))) {
            e.encode(prefix.subList(0, Math.min(64, prefix.size())), null);
            long t0 = System.nanoTime();
            SentenceEncoder.Result r = e.encode(prefix, null);
            row(out, "one text per call, one call at a time", prefix.size(), r.tokens(), System.nanoTime() - t0, peak);
        }
        try (SentenceEncoder e = SentenceEncoder.open(model, EmbedConfig.defaults().withThreads(1))) {
            e.encode(prefix.subList(0, Math.min(64, prefix.size())), null);
            long t0 = System.nanoTime();
            SentenceEncoder.Result r = e.encode(prefix, null);
            row(out, "semid embed, batches one at a time", prefix.size(), r.tokens(), System.nanoTime() - t0, peak);
        }
        if (settings.reference() != null && Files.exists(settings.reference())) agreement(out, ids, full.vectors());
    }

    private static void row(PrintStream out, String what, int n, long tokens, long nanos, double peak) {
        double s = nanos / 1e9;
        double flops = tokens * flopsPerToken(tokens / (double) n);
        out.printf("| %s | %,d | %.2f | %,.0f | %.1f | %.1f (%.0f %%) |%n", what, n, s, n / s, tokens / (double) n, flops / s / 1e9,
                100 * flops / s / 1e9 / peak);
    }

    /** FLOPs per token at an average of {@code n} tokens per text (see the class header). */
    static double flopsPerToken(double n) {
        return 2.0 * LAYERS * (4.0 * HIDDEN * HIDDEN + 2.0 * HIDDEN * FFN) + LAYERS * 4.0 * n * HIDDEN;
    }

    private void agreement(PrintStream out, List<String> ids, Matrix mine) {
        Matrix ref = NpyReader.read(settings.reference());
        Map<String, Integer> row = new HashMap<>();
        for (int r = 0; r < ref.rows(); r++) row.put(Integer.toString(r + 1), r);
        int d = mine.cols(), below = 0, compared = 0;
        double min = 1, sum = 0;
        String worst = null;
        for (int i = 0; i < ids.size(); i++) {
            Integer r = row.get(ids.get(i));
            if (r == null || ref.cols() != d) continue;
            double ab = 0, aa = 0, bb = 0;
            for (int j = 0; j < d; j++) {
                float a = mine.data()[i * d + j], b = ref.data()[r * d + j];
                ab += a * b;
                aa += a * a;
                bb += b * b;
            }
            double c = ab / Math.sqrt(aa * bb);
            compared++;
            sum += c;
            if (c < 0.99) below++;
            if (c < min) {
                min = c;
                worst = ids.get(i);
            }
        }
        out.printf("agreement with %s: %,d items compared, cosine min %.6f (item %s), mean %.6f, %d below 0.99%n", settings.reference(),
                compared, min, worst, sum / Math.max(1, compared), below);
    }
}
