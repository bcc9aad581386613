package dev.semid.genrec.io;

import ai.djl.Device;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.model.GenRecModels;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.model.ArtifactException;
import dev.semid.tokenizer.model.ArtifactFiles;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.WeightsCodec;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained recommender's directory: {@code genrec.json} (format version, preset, every
 * configuration field, the fingerprint of the ID set it was trained on, vocabularies, training
 * metrics), {@code items.tsv} (the catalogue in the model's item order: id, and the full ID for the
 * generative presets), {@code weights.bin} (named tensors) and {@code checksums.sha256} over all
 * three. Written atomically as a whole directory; loading verifies the checksums first.
 */
public final class GenRecArtifact {
    public static final int FORMAT_VERSION = 1;
    public static final String MANIFEST = "genrec.json", ITEMS = "items.tsv", WEIGHTS = "weights.bin";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * A loaded model with its catalogue (item ids in the model's order) and the catalogue's IDs
     * (null for SASRec); {@link #idSetFingerprint()} names the whole ID set it was trained on.
     */
    public record Loaded(GenRecModel model, List<String> itemIds, IdTable ids, Map<String, Object> manifest) implements AutoCloseable {
        @Override public void close() { model.close(); }

        public String idSetFingerprint() { return (String) manifest.get("idSetFingerprint"); }
    }

    private GenRecArtifact() {}

    /**
     * @param itemIds the catalogue in the model's item order
     * @param ids     the ID set the model was trained on (null for SASRec)
     */
    public static void save(GenRecModel model, List<String> itemIds, IdTable ids, Map<String, Object> metrics, Path dir) throws IOException {
        byte[] weights = WeightsCodec.encode(model.params().toMatrices());
        StringBuilder items = new StringBuilder(ids == null ? "id\n" : "id\tsid\n");
        for (String id : itemIds) {
            items.append(id);
            if (ids != null) items.append('\t').append(ids.sidOf(id));
            items.append('\n');
        }
        byte[] itemBytes = items.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, Object> mf = new LinkedHashMap<>();
        mf.put("formatVersion", FORMAT_VERSION);
        mf.put("kind", "semid-genrec");
        mf.put("preset", model.config().preset().label());
        mf.put("fingerprint", ModelFingerprint.of(weights));
        mf.put("idSetFingerprint", ids == null ? null : ids.fingerprint());
        mf.put("items", itemIds.size());
        mf.put("config", model.config());
        mf.put("metrics", metrics);
        byte[] json = JSON.writeValueAsBytes(mf);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MANIFEST, json);
        files.put(ITEMS, itemBytes);
        files.put(WEIGHTS, weights);
        String sums = ArtifactFiles.checksums(files);
        AtomicFiles.writeDirectory(dir, tmp -> {
            for (Map.Entry<String, byte[]> f : files.entrySet()) Files.write(tmp.resolve(f.getKey()), f.getValue());
            Files.writeString(tmp.resolve(ArtifactFiles.CHECKSUMS), sums);
        });
    }

    /** genrec.json, after the checksum check. */
    public static Map<String, Object> manifest(Path dir) {
        ArtifactFiles.verify(dir, List.of(MANIFEST, ITEMS, WEIGHTS));
        try {
            Map<String, Object> mf = JSON.readValue(ArtifactFiles.read(dir, MANIFEST), new TypeReference<LinkedHashMap<String, Object>>() {});
            if (!"semid-genrec".equals(mf.get("kind")))
                throw new ArtifactException(dir + ": not a semid recommender (" + MANIFEST + " has kind " + mf.get("kind") + ")");
            if (!Integer.valueOf(FORMAT_VERSION).equals(mf.get("formatVersion")))
                throw new ArtifactException(dir + ": recommender format version " + mf.get("formatVersion") + ", this semid reads " + FORMAT_VERSION);
            return mf;
        } catch (IOException e) {
            throw new ArtifactException(dir.resolve(MANIFEST) + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    public static Loaded load(Path dir, Device device) { return load(dir, device, null); }

    /** @param beam a decoding beam width other than the one trained with, or null */
    public static Loaded load(Path dir, Device device, Integer beam) {
        Map<String, Object> mf = manifest(dir);
        GenRecConfig cfg;
        try {
            cfg = JSON.convertValue(mf.get("config"), GenRecConfig.class);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(dir.resolve(MANIFEST) + ": invalid configuration: " + e.getMessage(), e);
        }
        if (beam != null) cfg = cfg.toBuilder().beam(beam).build();
        List<String> ids = new ArrayList<>();
        List<SemanticId> sids = new ArrayList<>();
        String[] lines = new String(ArtifactFiles.read(dir, ITEMS), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            ids.add(f[0]);
            if (cfg.preset().generative()) {
                if (f.length < 2) throw new ArtifactException(dir.resolve(ITEMS) + ": line " + (i + 1) + " has no semantic ID");
                sids.add(SemanticId.parse(f[1]));
            }
        }
        IdTable table = cfg.preset().generative() ? new IdTable(ids, sids) : null; // the catalogue's part of the ID set
        ItemCodes codes = table == null ? null : ItemCodes.of(ids, table);
        GenRecModel model = GenRecModels.create(cfg, codes, ids.size(), device);
        try {
            model.params().load(WeightsCodec.decode(ArtifactFiles.read(dir, WEIGHTS), dir.resolve(WEIGHTS).toString()), dir.resolve(WEIGHTS).toString());
        } catch (IllegalArgumentException e) {
            model.close();
            throw new ArtifactException(e.getMessage(), e);
        }
        return new Loaded(model, List.copyOf(ids), table, mf);
    }
}
