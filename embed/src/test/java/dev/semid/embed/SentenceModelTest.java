package dev.semid.embed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A model directory as exported for ONNX: files found, pooling read from sentence-transformers' config or a flag. */
class SentenceModelTest {
    @TempDir Path tmp;

    Path exported(String poolingConfig) throws Exception {
        SentenceModel m = SentenceModel.miniLm();
        Path dir = tmp.resolve("model-" + (poolingConfig == null ? "plain" : Integer.toHexString(poolingConfig.hashCode())));
        Files.createDirectories(dir.resolve("onnx"));
        Files.write(dir.resolve("onnx/model.onnx"), m.onnx());
        Files.write(dir.resolve("tokenizer.json"), m.tokenizer());
        if (poolingConfig != null) {
            Files.createDirectories(dir.resolve("1_Pooling"));
            Files.writeString(dir.resolve("1_Pooling/config.json"), poolingConfig);
        }
        return dir;
    }

    @Test void poolingComesFromTheConfigUnlessGiven() throws Exception {
        assertEquals(Pooling.MEAN, SentenceModel.fromDirectory(exported(null), null).pooling());
        Path cls = exported("{\"word_embedding_dimension\": 384, \"pooling_mode_cls_token\": true, \"pooling_mode_mean_tokens\": false}");
        assertEquals(Pooling.CLS, SentenceModel.fromDirectory(cls, null).pooling());
        assertEquals(Pooling.MEAN, SentenceModel.fromDirectory(cls, Pooling.MEAN).pooling(), "the flag wins");
        Path max = exported("{\"pooling_mode_cls_token\": false, \"pooling_mode_mean_tokens\": false, \"pooling_mode_max_tokens\": true}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SentenceModel.fromDirectory(max, null)).getMessage().contains("--pooling"));
    }

    @Test void clsPoolingTakesTheFirstTokenNotTheMean() throws Exception {
        List<String> texts = List.of("red nail polish", "argan oil shampoo for dry hair");
        SentenceModel cls = SentenceModel.fromDirectory(exported(null), Pooling.CLS);
        float[] a, b;
        try (SentenceEncoder e = SentenceEncoder.open(cls, EmbedConfig.defaults())) {
            a = e.encode(texts, null).vectors().data();
        }
        try (SentenceEncoder e = SentenceEncoder.open(SentenceModel.miniLm(), EmbedConfig.defaults())) {
            b = e.encode(texts, null).vectors().data();
        }
        for (int i = 0; i < 2; i++) {
            double dot = 0, na = 0;
            for (int j = 0; j < 384; j++) {
                dot += a[i * 384 + j] * b[i * 384 + j];
                na += a[i * 384 + j] * a[i * 384 + j];
            }
            assertEquals(1.0, na, 1e-4, "normalised");
            assertTrue(dot < 0.99, "text " + i + ": CLS and mean pooling differ (cosine " + dot + ")");
        }
    }

    @Test void aDirectoryWithoutTheFilesIsNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        var e = assertThrows(IllegalArgumentException.class, () -> SentenceModel.fromDirectory(dir, null));
        assertTrue(e.getMessage().contains("model.onnx") && e.getMessage().contains("tokenizer.json"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SentenceModel.fromDirectory(tmp.resolve("nope"), null));
    }
}
