package dev.semid.spark;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tokenizer per model per executor JVM, shared by its tasks (a {@link Tokenizer} is
 * thread-safe): the model is written to a local temporary directory and opened once, with the
 * engine {@link Tokenizers#open} picks for the CLI too. Kept for the JVM's life, as executors are
 * reused across the partitions of a job.
 */
final class ExecutorTokenizers {
    private static final Map<String, Tokenizer> OPEN = new ConcurrentHashMap<>();

    private ExecutorTokenizers() {}

    static Tokenizer of(ModelFiles model) {
        return OPEN.computeIfAbsent(model.fingerprint(), fp -> open(model));
    }

    private static Tokenizer open(ModelFiles model) {
        try {
            Path dir = Files.createTempDirectory("semid-model-" + model.fingerprint());
            dir.toFile().deleteOnExit();
            Tokenizer t = Tokenizers.open(model.loadInto(dir), Device.cpu());
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack model " + model.fingerprint() + " on this executor", e);
        }
    }
}
