package dev.semid.tokenizer.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model directory: {@code model.json} (format version, method, shapes, fingerprint,
 * training settings and metrics), {@code weights.bin} ({@link WeightsCodec}) and
 * {@code checksums.sha256} over both. Written atomically as a whole directory; loading verifies
 * checksums, format version, shapes and fingerprint, and says which check failed.
 */
public final class ModelArtifact {
    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_JSON = "model.json", WEIGHTS = "weights.bin", CHECKSUMS = ArtifactFiles.CHECKSUMS;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifact() {}

    public static void save(QuantizerModel m, Path dir) throws IOException {
        byte[] weights = WeightsCodec.encode(m);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("formatVersion", FORMAT_VERSION);
        manifest.put("method", m.method());
        manifest.put("fingerprint", ModelFingerprint.of(weights));
        manifest.put("inputDim", m.inputDim());
        manifest.put("latentDim", m.latentDim());
        manifest.put("levels", m.levels());
        manifest.put("codebookSize", m.codebookSize());
        manifest.put("standardized", m.inputMean() != null);
        manifest.put("encoder", widths(m.encoder()));
        manifest.put("decoder", widths(m.decoder()));
        manifest.put("settings", m.settings());
        manifest.put("metrics", m.metrics());
        byte[] json = JSON.writeValueAsBytes(manifest);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MODEL_JSON, json);
        files.put(WEIGHTS, weights);
        String sums = ArtifactFiles.checksums(files);
        AtomicFiles.writeDirectory(dir, tmp -> {
            Files.write(tmp.resolve(MODEL_JSON), json);
            Files.write(tmp.resolve(WEIGHTS), weights);
            Files.writeString(tmp.resolve(CHECKSUMS), sums);
        });
    }

    private static List<Integer> widths(List<DenseLayer> layers) {
        List<Integer> w = new ArrayList<>();
        if (!layers.isEmpty()) w.add(layers.get(0).in());
        for (DenseLayer l : layers) w.add(l.out());
        return w;
    }

    /** model.json as a map, after the checksum check: what {@code semid inspect} shows. */
    public static Map<String, Object> manifest(Path dir) {
        verifyChecksums(dir);
        return readManifest(dir);
    }

    public static QuantizerModel load(Path dir) {
        verifyChecksums(dir);
        Map<String, Object> mf = readManifest(dir);
        Object version = mf.get("formatVersion");
        if (!(version instanceof Integer v) || v != FORMAT_VERSION)
            throw new ArtifactException(dir + ": incompatible model format version " + version + " (this semid reads version "
                    + FORMAT_VERSION + "); re-train or convert the model with a matching semid");
        Map<String, Matrix> t = WeightsCodec.decode(read(dir, WEIGHTS), dir.resolve(WEIGHTS).toString());
        List<Matrix> books = new ArrayList<>();
        for (int l = 0; t.containsKey("codebook." + l); l++) books.add(t.get("codebook." + l));
        Matrix mean = t.get("input.mean"), scale = t.get("input.scale");
        QuantizerModel m;
        try {
            m = new QuantizerModel(String.valueOf(mf.get("method")), intField(mf, "inputDim", dir),
                    mean == null ? null : mean.data(), scale == null ? null : scale.data(),
                    WeightsCodec.layers(t, "encoder"), books, WeightsCodec.layers(t, "decoder"),
                    map(mf.get("settings")), map(mf.get("metrics")));
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(dir + ": weights do not form a valid model: " + e.getMessage(), e);
        }
        if (m.levels() != intField(mf, "levels", dir) || m.codebookSize() != intField(mf, "codebookSize", dir)
                || m.latentDim() != intField(mf, "latentDim", dir))
            throw new ArtifactException(dir + ": model.json says " + mf.get("levels") + " levels × " + mf.get("codebookSize")
                    + " codes × d=" + mf.get("latentDim") + ", the weights hold " + m.levels() + " × " + m.codebookSize()
                    + " × d=" + m.latentDim());
        String fp = ModelFingerprint.of(m);
        if (!fp.equals(mf.get("fingerprint")))
            throw new ArtifactException(dir + ": fingerprint in model.json (" + mf.get("fingerprint") + ") does not match the weights (" + fp + ")");
        return m;
    }

    private static int intField(Map<String, Object> mf, String key, Path dir) {
        if (mf.get(key) instanceof Integer i) return i;
        throw new ArtifactException(dir.resolve(MODEL_JSON) + ": field '" + key + "' is missing or not an integer");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> readManifest(Path dir) {
        try {
            return JSON.readValue(read(dir, MODEL_JSON), new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException e) {
            throw new ArtifactException(dir.resolve(MODEL_JSON) + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static void verifyChecksums(Path dir) { ArtifactFiles.verify(dir, List.of(MODEL_JSON, WEIGHTS)); }

    private static byte[] read(Path dir, String name) { return ArtifactFiles.read(dir, name); }
}
