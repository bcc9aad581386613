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
        if (model instanceof dev.semid.genrec.decode.CodeDecoder d) {
            int[] v = new int[d.positions()];
            for (int i = 0; i < v.length; i++) v[i] = d.vocab(i);
            mf.put("vocab", v);
        }
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
    /** Thrown when IDs to decode to disagree with the ones a model was trained on. */
    public static final class IdSetMismatchException extends IllegalArgumentException {
        IdSetMismatchException(String message) { super(message); }
    }

    private static void checkExtends(IdTable given, IdTable trained, String trainedFingerprint) {
        for (int i = 0; i < trained.size(); i++) {
            String item = trained.ids().get(i);
            SemanticId want = trained.sids().get(i), got = given.sidOf(item);
            if (!want.equals(got))
                throw new IdSetMismatchException("ID set " + given.fingerprint() + " is not the one the model was trained on (" + trainedFingerprint
                        + "), nor an extension of it: item '" + item + "' has " + (got == null ? "no ID" : "ID " + got) + " there, " + want
                        + " in training");
        }
    }

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

    public static Loaded load(Path dir, Device device) { return load(dir, device, null, null); }

    /**
     * @param beam     a decoding beam width other than the one trained with, or null
     * @param decodeTo the IDs that exist now (an ID file or index), or null for the training catalogue's: it must give
     *                 every item of the training catalogue the ID the model was trained with, and may add new items,
     *                 whose IDs the model can then emit (and read in histories)
     */
    public static Loaded load(Path dir, Device device, Integer beam, IdTable decodeTo) {
        Map<String, Object> mf = manifest(dir);
        GenRecConfig cfg;
        try {
            cfg = JSON.convertValue(mf.get("config"), GenRecConfig.class);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(dir.resolve(MANIFEST) + ": invalid configuration: " + e.getMessage(), e);
        }
        if (beam != null) cfg = cfg.toBuilder().beam(beam).build();
        if (decodeTo != null && !cfg.preset().generative())
            throw new IllegalArgumentException(dir + " is a " + cfg.preset().label() + " model: it ranks item ids, not semantic IDs");
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
        if (decodeTo != null && table != null) {
            checkExtends(decodeTo, table, (String) mf.get("idSetFingerprint"));
            ids = decodeTo.ids();
            table = decodeTo;
        }
        ItemCodes codes = table == null ? null : ItemCodes.of(ids, table);
        if (codes != null && mf.get("vocab") instanceof List<?> v)
            codes = codes.withVocab(v.stream().mapToInt(x -> ((Number) x).intValue()).toArray(), ids);
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
