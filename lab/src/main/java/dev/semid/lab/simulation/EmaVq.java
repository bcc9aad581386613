package dev.semid.lab.simulation;

/**
 * EMA VQ (no gradient): with n_k samples and sum s_k on code k this step,
 * N_k ← γ·N_k + (1−γ)·n_k,  m_k ← γ·m_k + (1−γ)·s_k,  γ = 0.9,
 * c_k = m_k / Ñ_k with Laplace smoothing Ñ_k = (N_k + ε) / (Σ N + K·ε) · Σ N, ε = 1e-5.
 * m starts at the initial codebook and N at 0, as in the paper's script; an unused code's m
 * decays, so it is first flung far out (divided by ≈ε) and then shrinks toward 0 — either way
 * out of the data's reach.
 */
final class EmaVq implements SimulatedQuantizer {
    static final double DECAY = 0.9, EPS = 1e-5;

    private final int k, d;
    private final double[] clusterSize, embedAvg;
    private final float[] codebook;

    EmaVq(float[] init, int k, int d) {
        this.k = k;
        this.d = d;
        codebook = init.clone();
        clusterSize = new double[k];
        embedAvg = new double[k * d];
        for (int i = 0; i < k * d; i++) embedAvg[i] = init[i];
    }

    @Override public String name() { return "ema"; }

    @Override public void step(float[] samples) {
        int n = samples.length / d;
        int[] idx = new int[n];
        NearestSearch.build(codebook, k, d).nearest(samples, n, idx, null);
        double[] counts = new double[k], sums = new double[k * d];
        for (int i = 0; i < n; i++) {
            counts[idx[i]]++;
            for (int j = 0; j < d; j++) sums[idx[i] * d + j] += samples[i * d + j];
        }
        double total = 0;
        for (int c = 0; c < k; c++) {
            clusterSize[c] = DECAY * clusterSize[c] + (1 - DECAY) * counts[c];
            total += clusterSize[c];
        }
        for (int i = 0; i < k * d; i++) embedAvg[i] = DECAY * embedAvg[i] + (1 - DECAY) * sums[i];
        for (int c = 0; c < k; c++) {
            double smoothed = (clusterSize[c] + EPS) / (total + k * EPS) * total;
            for (int j = 0; j < d; j++) codebook[c * d + j] = (float) (embedAvg[c * d + j] / smoothed);
        }
    }

    @Override public float[] codebook() { return codebook.clone(); }

    @Override public void close() {}
}
