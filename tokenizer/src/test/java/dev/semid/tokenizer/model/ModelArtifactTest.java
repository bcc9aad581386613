package dev.semid.tokenizer.model;

import ai.djl.Device;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.engine.DjlTokenizer;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.RqVaeTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class ModelArtifactTest {
    static EmbeddingSet set;
    static QuantizerModel model;

    @BeforeAll static void train() {
        set = SyntheticCatalogue.generate(1500, 24, 6, 4, 3);
        RqVaeConfig config = RqVaeConfig.builder().hidden(32).latentDim(8).levels(3).codes(16)
                .learningRate(2e-3).codebookLearningRate(2e-3).epochs(4).batchSize(256).validationFraction(0.1).patience(0)
                .standardize(true).seed(4).build();
        model = new RqVaeTrainer(config, Device.cpu(), TrainingListener.NONE).train(set.vectors());
    }

    @Test void saveLoadGivesIdenticalWeightsCodesAndFingerprint(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        QuantizerModel back = ModelArtifact.load(dir);
        assertArrayEquals(WeightsCodec.encode(model), WeightsCodec.encode(back));
        assertEquals(ModelFingerprint.of(model), ModelFingerprint.of(back));
        assertEquals(ModelFingerprint.of(model), ModelArtifact.manifest(dir).get("fingerprint"));
        assertEquals("rqvae", back.method());
        assertNotNull(back.inputMean(), "standardisation survives the round trip");
        try (DjlTokenizer a = new DjlTokenizer(model, Device.cpu()); DjlTokenizer b = new DjlTokenizer(back, Device.cpu())) {
            assertTrue(Arrays.deepEquals(a.codes(set.vectors()), b.codes(set.vectors())));
            assertEquals(a.fingerprint(), b.fingerprint());
        }
        assertEquals(3, Files.list(dir).count(), "model.json, weights.bin, checksums.sha256 and nothing else");
        assertEquals(1, Files.list(tmp).count(), "no temp directories left behind");
    }

    @Test void savingOverAnExistingModelReplacesIt(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        ModelArtifact.save(model.withMetrics(java.util.Map.of("note", "second")), dir);
        assertEquals("second", ModelArtifact.load(dir).metrics().get("note"));
    }

    @Test void corruptedWeightsAreNamed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        w[w.length / 2] ^= 0x5a;
        Files.write(dir.resolve("weights.bin"), w);
        var e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("weights.bin") && e.getMessage().contains("corrupted"), e.getMessage());
    }

    @Test void truncatedWeightsAreNamed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        byte[] w = Files.readAllBytes(dir.resolve("weights.bin"));
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(w, w.length - 100));
        var e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        // even with a matching checksum, the codec itself reports the truncation
        var e2 = assertThrows(ArtifactException.class, () -> WeightsCodec.decode(Arrays.copyOf(w, w.length - 100), "w.bin"));
        assertTrue(e2.getMessage().contains("truncated"), e2.getMessage());
    }

    @Test void incompatibleFormatVersionIsNamed(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        String json = Files.readString(dir.resolve("model.json")).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
        Files.writeString(dir.resolve("model.json"), json);
        // re-seal the checksum so the version check itself is what fails
        String sums = Files.readString(dir.resolve("checksums.sha256")).replaceAll("(?m)^\\S+(  model.json)",
                ModelFingerprint.sha256(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "$1");
        Files.writeString(dir.resolve("checksums.sha256"), sums);
        var e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("incompatible model format version 99"), e.getMessage());
    }

    @Test void missingDirectoryAndFilesAreNamed(@TempDir Path tmp) throws IOException {
        var e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(tmp.resolve("nope")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Path dir = tmp.resolve("m");
        ModelArtifact.save(model, dir);
        Files.delete(dir.resolve("weights.bin"));
        e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("missing weights.bin"), e.getMessage());
    }
}
