package dev.semid.tokenizer;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.EmbeddingReader;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the shared Amazon Beauty data beside the checkout. */
public final class TestData {
    private TestData() {}

    public static Path shared() {
        String prop = System.getProperty("semid.shared");
        for (Path p : new Path[] {prop == null ? null : Path.of(prop), Path.of("../shared"), Path.of("../../shared")})
            if (p != null && Files.isDirectory(p.resolve("data/beauty"))) return p.toAbsolutePath().normalize();
        Assumptions.abort("../shared/data/beauty not found");
        return null;
    }

    public static Path beauty(String file) { return shared().resolve("data/beauty").resolve(file); }

    /** Beauty MiniLM embeddings with item ids 1..12101. */
    public static EmbeddingSet beautyMiniLm() {
        return EmbeddingReader.read(beauty("embeddings-minilm-384.npy"), null, 1);
    }

    /** A few well-separated Gaussian blobs: n points in d dims around `centers` random centres. */
    public static Matrix blobs(int n, int d, int centers, double spread, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[][] c = new float[centers][d];
        for (float[] row : c) for (int j = 0; j < d; j++) row[j] = (float) (r.nextDouble() * 20 - 10);
        Matrix m = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) m.set(i, j, (float) (c[i % centers][j] + dev.semid.tokenizer.data.Gaussian.sample(r) * spread));
        return m;
    }
}
