package dev.semid.lab.simulation;

import ai.djl.ndarray.NDArray;
import dev.semid.tokenizer.math.GaussianW2;
import dev.semid.tokenizer.train.WassersteinTerm;

/**
 * Wasserstein VQ (arXiv 2506.15078): L = 0.1 · (1/N) Σ_i ||c_{k_i} − sg(z_i)||² + 10 · W2(A, B),
 * A = N(mean, covariance over N) of this step's samples, B = the same of all K codes,
 * W2 = sqrt(||μ_A − μ_B||² + tr Σ_A + tr Σ_B − 2 tr((Σ_A^{1/2} Σ_B Σ_A^{1/2})^{1/2})), SGD with
 * momentum 0.9, lr 3.0. The W2 term moves every code, used or not, toward the feature
 * distribution — what vanilla VQ lacks.
 */
final class WassersteinVq extends CodebookSgd {
    static final double LR = 3.0, COMMIT_WEIGHT = 0.1, W2_WEIGHT = 10.0;
    /** Ridge on both covariances: K and N are far above d here, so only a guard. */
    static final double RIDGE = 1e-6;

    WassersteinVq(float[] init, int k, int d, double lr) { super(init, k, d, lr); }

    @Override public String name() { return "wasserstein"; }

    @Override protected NDArray loss(NDArray chosen, NDArray z, float[] samples, int n) {
        GaussianW2.Stats features = GaussianW2.of(samples, n, d, 1.0, false, RIDGE);
        NDArray w2 = WassersteinTerm.compute(codebook, features, 1.0, false, RIDGE);
        return commitment(chosen, z).mul((float) COMMIT_WEIGHT).add(w2.mul((float) W2_WEIGHT));
    }
}
