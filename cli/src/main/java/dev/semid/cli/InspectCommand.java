package dev.semid.cli;

import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.tokenizer.model.ModelArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise a model directory (verifies its checksums): method, shapes, fingerprint, settings, final metrics.",
                "Takes tokenizer models (`semid train`) and recommenders (`semid genrec train`)."})
final class InspectCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL_DIR") Path model;
    @Option(names = "--json", description = "Print model.json (minus the per-epoch history) as JSON.")
    boolean json;

    @Override public Integer call() {
        if (java.nio.file.Files.exists(model.resolve(GenRecArtifact.MANIFEST))) return recommender();
        Map<String, Object> mf = new java.util.LinkedHashMap<>(ModelArtifact.manifest(model));
        ModelArtifact.load(model); // full validation: weights parse and match the fingerprint
        Map<String, Object> metrics = metricsWithoutHistory(mf);
        Object history = metrics.remove("history");
        if (json) return printJson(mf);
        System.out.printf("model        %s%n", model);
        System.out.printf("method       %s (format v%s)%n", mf.get("method"), mf.get("formatVersion"));
        System.out.printf("fingerprint  %s%n", mf.get("fingerprint"));
        System.out.printf("shape        input %s → latent %s, %s levels × %s codes%n", mf.get("inputDim"), mf.get("latentDim"),
                mf.get("levels"), mf.get("codebookSize"));
        System.out.printf("encoder      %s%n", mf.get("encoder"));
        System.out.printf("decoder      %s%n", mf.get("decoder"));
        System.out.printf("standardized %s%n", mf.get("standardized"));
        System.out.printf("settings     %s%n", mf.get("settings"));
        if (history instanceof List<?> h) System.out.printf("epochs run   %d (best %s)%n", h.size(), metrics.get("bestEpoch"));
        if (metrics.get("final") instanceof Map<?, ?> fin) System.out.printf("final        %s%n", Json.text(fin).replaceAll("\\s+", " "));
        return 0;
    }

    private int recommender() {
        Map<String, Object> mf = new java.util.LinkedHashMap<>(GenRecArtifact.manifest(model));
        Map<String, Object> metrics = metricsWithoutHistory(mf);
        Object history = metrics.remove("history");
        if (json) return printJson(mf);
        System.out.printf("model        %s%n", model);
        System.out.printf("recommender  %s (format v%s), %s parameters%n", mf.get("preset"), mf.get("formatVersion"), metrics.get("parameters"));
        System.out.printf("fingerprint  %s%n", mf.get("fingerprint"));
        System.out.printf("catalogue    %s items%s%n", mf.get("items"), mf.get("idSetFingerprint") == null ? " (item IDs)"
                : ", ID set " + mf.get("idSetFingerprint") + ", vocabularies " + mf.get("vocab"));
        System.out.printf("settings     %s%n", Json.text(mf.get("config")).replaceAll("\\s+", " "));
        if (history instanceof List<?> h)
            System.out.printf("epochs run   %d (best %s, stopped by %s); validation Recall@10 %s; %.0f s%n", h.size(), metrics.get("bestEpoch"),
                    metrics.get("stoppedBy"), metrics.get("validationRecall@10"), ((Number) metrics.get("trainSeconds")).doubleValue());
        return 0;
    }

    /** The manifest's metrics as a mutable copy, put back in the manifest; the caller takes the per-epoch history out. */
    private static Map<String, Object> metricsWithoutHistory(Map<String, Object> mf) {
        Map<String, Object> metrics = mf.get("metrics") instanceof Map<?, ?> m ? new java.util.LinkedHashMap<>(castMap(m)) : new java.util.LinkedHashMap<>();
        mf.put("metrics", metrics);
        return metrics;
    }

    private static int printJson(Map<String, Object> mf) {
        System.out.println(Json.text(mf));
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) { return (Map<String, Object>) m; }
}
