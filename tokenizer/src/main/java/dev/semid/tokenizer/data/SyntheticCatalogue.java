package dev.semid.tokenizer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The embedded default catalogue: a deterministic, hierarchically clustered set of unit vectors,
 * like content embeddings of a product catalogue. Items belong to one of {@code topics} topics,
 * each split into {@code subtopics} sub-topics; x = normalise(t + 0.5·s + 0.25·ε) with topic
 * centre t, sub-topic offset s and item noise ε, all Gaussian N(0, I/dim). Ids are "1".."n".
 */
public final class SyntheticCatalogue {
    private SyntheticCatalogue() {}

    public static EmbeddingSet generate(int items, int dim, int topics, int subtopics, long seed) {
        if (items < 1 || dim < 1 || topics < 1 || subtopics < 1)
            throw new IllegalArgumentException("synthetic catalogue needs positive sizes");
        SplittableRandom rnd = new SplittableRandom(seed);
        float[][] topic = gaussianRows(topics, dim, rnd, 1.0);
        float[][] sub = gaussianRows(topics * subtopics, dim, rnd, 0.5);
        Matrix x = Matrix.zeros(items, dim);
        float[] v = x.data();
        double sd = 0.25 / Math.sqrt(dim);
        List<String> ids = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int t = rnd.nextInt(topics), s = t * subtopics + rnd.nextInt(subtopics);
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                double a = topic[t][j] + sub[s][j] + Gaussian.sample(rnd) * sd;
                v[i * dim + j] = (float) a;
                norm += a * a;
            }
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dim; j++) v[i * dim + j] *= inv;
            ids.add(Integer.toString(i + 1));
        }
        return new EmbeddingSet(ids, x);
    }

    private static float[][] gaussianRows(int n, int dim, SplittableRandom rnd, double scale) {
        float[][] out = new float[n][dim];
        double sd = scale / Math.sqrt(dim);
        for (float[] row : out) for (int j = 0; j < dim; j++) row[j] = (float) (Gaussian.sample(rnd) * sd);
        return out;
    }
}
