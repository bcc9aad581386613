package dev.semid.spark;

import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model directory as bytes, what the driver broadcasts: executors may not see the driver's file
 * system, so they get the files themselves and load them with {@link ModelArtifact#load} like
 * the CLI (checksums and fingerprint verified there too).
 */
public final class ModelFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> NAMES = List.of(ModelArtifact.MODEL_JSON, ModelArtifact.WEIGHTS, ModelArtifact.CHECKSUMS);

    private final Map<String, byte[]> files;
    private final String fingerprint;
    private final int inputDim;
    private final int codebookSize;

    private ModelFiles(Map<String, byte[]> files, String fingerprint, int inputDim, int codebookSize) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.inputDim = inputDim;
        this.codebookSize = codebookSize;
    }

    /** Loads (so a broken model fails on the driver, before any task) and reads the directory's files. */
    public static ModelFiles read(Path dir) {
        QuantizerModel m = ModelArtifact.load(dir);
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (String name : NAMES) files.put(name, Files.readAllBytes(dir.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir, e);
        }
        return new ModelFiles(files, ModelFingerprint.of(m), m.inputDim(), m.codebookSize());
    }

    /** Writes the files into {@code dir} (which must exist) and loads the model from there. */
    QuantizerModel loadInto(Path dir) throws IOException {
        for (var f : files.entrySet()) Files.write(dir.resolve(f.getKey()), f.getValue());
        return ModelArtifact.load(dir);
    }

    public String fingerprint() { return fingerprint; }
    public int inputDim() { return inputDim; }
    public int codebookSize() { return codebookSize; }
}
