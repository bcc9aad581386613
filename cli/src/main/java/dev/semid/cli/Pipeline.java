package dev.semid.cli;

import dev.semid.tokenizer.align.ModelAlignment;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.CollisionConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The steps train, tokenize and demo share: train-and-save, tokenize-and-report. */
final class Pipeline {
    private Pipeline() {}

    /** Trains, measures the model on its own training items, and saves it with those metrics. */
    static QuantizerModel trainAndSave(TrainOptions opts, EmbeddingSet items, Device device, CollisionConfig collisions,
                                       Path modelDir, ProgressBar progress, Output out) throws IOException {
        return trainAndSave(opts, items, device, collisions, null, modelDir, progress, out);
    }

    /** As above; with {@code alignTo}, the new model's codes are renumbered into that model's vocabulary before saving. */
    static QuantizerModel trainAndSave(TrainOptions opts, EmbeddingSet items, Device device, CollisionConfig collisions, Path alignTo,
                                       Path modelDir, ProgressBar progress, Output out) throws IOException {
        QuantizerModel parent = alignTo == null ? null : ModelArtifact.load(alignTo); // a broken model fails before training
        long t0 = System.nanoTime();
        QuantizerModel model = opts.train(items.vectors(), device, progress);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (parent != null) {
            ModelAlignment.Result aligned = ModelAlignment.align(parent, model, items.vectors(), device);
            model = aligned.model();
            out.detail().printf("aligned to %s (%s): items whose first 1..%d codes match the old model's: %s before, %s after renumbering%n",
                    alignTo, ModelFingerprint.of(parent), model.levels(), shares(aligned.keptBefore()), shares(aligned.keptAfter()));
        }
        Tokenization.Result measured;
        try (Tokenizer t = Tokenizers.open(model, device)) {
            measured = Tokenization.run(t, items, collisions, (d, n) -> progress.task("measuring", d, n));
        }
        TokenizerMetrics metrics = measured.metrics();
        Map<String, Object> m = new LinkedHashMap<>(model.metrics());
        m.put("trainSecondsTotal", seconds);
        m.put("items", items.size());
        m.put("final", metrics);
        model = measured.driftReference().attachTo(model.withMetrics(Json.MAPPER.convertValue(m, Map.class)));
        ModelArtifact.save(model, modelDir);
        out.result().printf("model %s (%s, %d levels × %d codes, d=%d, fingerprint %s) trained in %.1f s%n", modelDir, model.method(),
                model.levels(), model.codebookSize(), model.latentDim(), ModelFingerprint.of(model), seconds);
        out.detail().print(metrics.summary());
        return model;
    }

    /** Tokenizes, writes IDs (unless {@code outFile} is null) and metrics JSON, both atomically; prints the summary. */
    static Tokenization.Result tokenizeAndWrite(Tokenizer tokenizer, EmbeddingSet items, CollisionConfig collisions,
                                             Path outFile, Path metricsFile, ProgressBar progress, Output out) throws IOException {
        long t0 = System.nanoTime();
        Tokenization.Result r = Tokenization.run(tokenizer, items, collisions, (d, n) -> progress.task("tokenizing", d, n));
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (outFile != null) SidWriter.write(outFile, r.ids(), r.sids());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("model", tokenizer.fingerprint());
        report.put("items", items.size());
        report.put("seconds", seconds);
        report.put("output", outFile == null ? null : outFile.toString());
        report.put("metrics", r.metrics());
        report.put("spilled", r.spilled());
        Json.write(metricsFile, report);
        out.result().printf("%d semantic IDs → %s (%.2f s); metrics → %s%n", items.size(), outFile == null ? "(no file)" : outFile, seconds, metricsFile);
        if (r.spilled() > 0)
            out.detail().printf("%d items spilled to the nearest code tuple with a free dedup token (theirs held %d items)%n",
                    r.spilled(), collisions.maxDedup() + 1);
        out.detail().print(r.metrics().summary());
        return r;
    }

    private static String shares(double[] share) {
        StringBuilder sb = new StringBuilder();
        for (double v : share) sb.append(sb.length() == 0 ? "" : " / ").append(String.format(java.util.Locale.ROOT, "%.1f %%", 100 * v));
        return sb.toString();
    }

    static Path defaultMetricsFile(Path outFile) {
        return outFile.resolveSibling(stem(outFile) + ".metrics.json");
    }

    /** A file's name without its extension: {@code runs/ids.jsonl} → {@code ids}. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
