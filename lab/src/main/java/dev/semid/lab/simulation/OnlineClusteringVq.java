package dev.semid.lab.simulation;

import ai.djl.ndarray.NDArray;

import java.nio.FloatBuffer;

/**
 * Online clustering (as in the paper's simulation): the vanilla step (lr 3.0), then with the
 * updated codebook, usage p_k = share of this step's samples nearest to code k,
 * u_k ← 0.9·u_k + 0.1·p_k, and each code pulled toward its nearest sample z_{j(k)}:
 * c_k ← (1 − a_k)·c_k + a_k·z_{j(k)},  a_k = exp(−10·K·u_k / (1 − 0.9) − 10⁻³).
 * Codes nobody uses (u_k → 0) jump onto the data; well-used ones stay put (a_k ≈ 0).
 */
final class OnlineClusteringVq extends CodebookSgd {
    static final double LR = 3.0, DECAY = 0.9;

    private final double[] usage;

    OnlineClusteringVq(float[] init, int k, int d, double lr) {
        super(init, k, d, lr);
        usage = new double[k];
    }

    @Override public String name() { return "online"; }

    @Override protected NDArray loss(NDArray chosen, NDArray z, float[] samples, int n) {
        return commitment(chosen, z);
    }

    @Override public void step(float[] samples) {
        super.step(samples);
        int n = samples.length / d;
        int[] idx = new int[n];
        NearestSearch.build(mirror, k, d).nearest(samples, n, idx, null);
        int[] counts = new int[k];
        for (int i : idx) counts[i]++;
        int[] nearestSample = new int[k];
        NearestSearch.build(samples, n, d).nearest(mirror, k, nearestSample, null);
        for (int c = 0; c < k; c++) {
            usage[c] = DECAY * usage[c] + (1 - DECAY) * counts[c] / (double) n;
            double a = Math.exp(-usage[c] * k * 10 / (1 - DECAY) - 1e-3);
            int o = c * d, s = nearestSample[c] * d;
            for (int j = 0; j < d; j++) mirror[o + j] = (float) ((1 - a) * mirror[o + j] + a * samples[s + j]);
        }
        codebook.set(FloatBuffer.wrap(mirror));
    }
}
