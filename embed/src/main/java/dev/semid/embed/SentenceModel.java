package dev.semid.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sentence model as semid runs it: ONNX weights, the Hugging Face {@code tokenizer.json} that
 * goes with them, and the pooling. The built-in one is all-MiniLM-L6-v2 (384-d, mean pooling),
 * whose weights and tokenizer ship inside a Maven artifact, so nothing is downloaded at run time.
 *
 * @param name      shown in summaries and written beside the embeddings
 * @param onnx      the ONNX graph's bytes
 * @param tokenizer the {@code tokenizer.json} bytes
 * @param pooling   how token vectors become the sentence vector
 */
public record SentenceModel(String name, byte[] onnx, byte[] tokenizer, Pooling pooling) {
    /** The built-in model's name. */
    public static final String MINILM = "all-MiniLM-L6-v2";

    /** all-MiniLM-L6-v2 from the classpath. */
    public static SentenceModel miniLm() {
        return new SentenceModel(MINILM, resource("all-minilm-l6-v2.onnx"), resource("all-minilm-l6-v2-tokenizer.json"), Pooling.MEAN);
    }

    /**
     * A model exported to ONNX in {@code dir}: {@code model.onnx} (or {@code onnx/model.onnx}) and
     * {@code tokenizer.json}. The pooling is {@code poolingOrNull} if given, else read from
     * sentence-transformers' {@code 1_Pooling/config.json}, else mean.
     */
    public static SentenceModel fromDirectory(Path dir, Pooling poolingOrNull) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("model directory " + dir + " does not exist");
        Path onnx = Files.exists(dir.resolve("model.onnx")) ? dir.resolve("model.onnx") : dir.resolve("onnx/model.onnx");
        Path tok = dir.resolve("tokenizer.json");
        for (Path p : new Path[] {onnx, tok})
            if (!Files.isRegularFile(p)) throw new IllegalArgumentException("model directory " + dir + " has no " + dir.relativize(p)
                    + " (expected model.onnx or onnx/model.onnx, and tokenizer.json)");
        try {
            Pooling pooling = poolingOrNull != null ? poolingOrNull : poolingOf(dir.resolve("1_Pooling/config.json"));
            return new SentenceModel(dir.getFileName().toString(), Files.readAllBytes(onnx), Files.readAllBytes(tok), pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Pooling poolingOf(Path config) throws IOException {
        if (!Files.isRegularFile(config)) return Pooling.MEAN;
        JsonNode c = new ObjectMapper().readTree(config.toFile());
        if (c.path("pooling_mode_cls_token").asBoolean(false)) return Pooling.CLS;
        if (c.path("pooling_mode_mean_tokens").asBoolean(true)) return Pooling.MEAN;
        throw new IllegalArgumentException(config + " asks for a pooling semid does not run (only mean and cls); pass --pooling");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SentenceModel.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the built-in sentence model is missing from the classpath: " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
