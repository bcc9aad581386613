package dev.semid.spark.bench;

import java.util.SplittableRandom;

/**
 * A synthetic catalogue whose row i is computed from i alone, so executors generate their own
 * partitions and a single JVM generates the very same rows: x_i = normalise(t + 0.5·s + ε)
 * with topic centre t, sub-topic offset s (both chosen by i) and item noise ε ~ N(0, I/dim), t and s
 * N(0, I/dim) too: noise as large as the topic, so that a few levels of 256 codes spread the items over
 * enough tuples for the 256 dedup tokens (tighter clusters overflowed them at 400,000 items).
 */
final class IndexedCatalogue implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final int TOPICS = 100, SUBTOPICS = 10;

    private final int dim;
    private final long seed;
    private transient float[][] topic, sub;

    IndexedCatalogue(int dim, long seed) {
        this.dim = dim;
        this.seed = seed;
    }

    int dim() { return dim; }

    /** Writes row i into {@code out} at {@code offset}. */
    void row(long i, float[] out, int offset) {
        if (topic == null) centres();
        SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
        int t = r.nextInt(TOPICS), s = t * SUBTOPICS + r.nextInt(SUBTOPICS);
        double sd = 1 / Math.sqrt(dim), norm = 0;
        for (int j = 0; j < dim; j++) {
            double a = topic[t][j] + sub[s][j] + r.nextGaussian() * sd;
            out[offset + j] = (float) a;
            norm += a * a;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int j = 0; j < dim; j++) out[offset + j] *= inv;
    }

    float[] row(long i) {
        float[] v = new float[dim];
        row(i, v, 0);
        return v;
    }

    private void centres() {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] t = new float[TOPICS][dim], s = new float[TOPICS * SUBTOPICS][dim];
        for (float[] row : t) for (int j = 0; j < dim; j++) row[j] = (float) (r.nextGaussian() / Math.sqrt(dim));
        for (float[] row : s) for (int j = 0; j < dim; j++) row[j] = (float) (0.5 * r.nextGaussian() / Math.sqrt(dim));
        sub = s;
        topic = t;
    }
}
