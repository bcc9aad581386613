package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;
import dev.semid.tokenizer.math.GaussianW2;

/**
 * The differentiable W2 between a fixed feature Gaussian A and the Gaussian of a codebook B
 * (arXiv 2506.15078), with the gradient reaching the codebook only:
 * L = sqrt( max(W2², 0) + 1e-10 ),
 * W2² = ||μ_A − μ_B||² + tr Σ_A + tr Σ_B − 2 T,   T = tr((Σ_A^{1/2} Σ_B Σ_A^{1/2})^{1/2}).
 * μ_B and Σ_B are NDArray functions of the codebook, so autograd handles them. W2² itself is
 * evaluated in double precision (float32 cancels badly near the optimum, where the sqrt makes
 * that fatal); the graph carries the surrogate
 * L_value + (S − sg(S)) / (2·L_value),  S = ||μ_A − μ_B||² + tr Σ_B − 2⟨∂T/∂Σ_B, Σ_B⟩,
 * whose gradient is exactly ∂L/∂codebook. Codebook rows are divided by the detached scalar
 * {@code scale} first. Non-finite intermediate values give a zero term (no gradient) instead of
 * poisoning the step.
 */
public final class WassersteinTerm {
    private WassersteinTerm() {}

    /**
     * @param codebook K×d, with its gradient path
     * @param features feature statistics, already divided by {@code scale} (and ridged)
     * @param scale    detached scalar the codebook is divided by
     * @param unbiased covariance of the codebook over K−1 (else K)
     * @param ridge    added to the codebook covariance's diagonal
     */
    public static NDArray compute(NDArray codebook, GaussianW2.Stats features, double scale, boolean unbiased, double ridge) {
        int k = (int) codebook.getShape().get(0), d = (int) codebook.getShape().get(1);
        NDArray c = codebook.div((float) scale);
        NDArray muB = c.mean(new int[] {0});
        NDArray centred = c.sub(muB);
        NDArray sigmaB = centred.transpose().matMul(centred).div((float) (unbiased && k > 1 ? k - 1 : k));
        if (ridge > 0) sigmaB = sigmaB.add(codebook.getManager().eye(d).mul((float) ridge));

        double[] mb = toDouble(muB.stopGradient());
        double[][] sb = toSquare(toDouble(sigmaB.stopGradient()), d);
        GaussianW2.CrossTerm cross = GaussianW2.crossTerm(GaussianW2.sqrtPsd(features.cov()), sb);
        double dmu = 0, trB = 0;
        for (int i = 0; i < d; i++) {
            dmu += (features.mean()[i] - mb[i]) * (features.mean()[i] - mb[i]);
            trB += sb[i][i];
        }
        double w2sq = dmu + features.trace() + trB - 2 * cross.value();
        NDArray zero = codebook.getManager().zeros(new ai.djl.ndarray.types.Shape()).toType(codebook.getDataType(), false);
        if (!Double.isFinite(w2sq) || !allFinite(cross.gradient()) || !allFinite(sb)) return zero;
        double value = Math.sqrt(Math.max(w2sq, 0) + 1e-10);
        if (w2sq <= 0) return zero.add((float) value); // max(·, 0) has no gradient here

        NDArray muA = codebook.getManager().create(toFloat(features.mean()));
        NDArray grad = codebook.getManager().create(toFloat(flatten(cross.gradient())), sigmaB.getShape());
        NDArray surrogate = muA.sub(muB).square().sum()
                .add(trace(sigmaB, d))
                .sub(sigmaB.mul(grad).sum().mul(2f));
        return surrogate.sub(surrogate.stopGradient()).mul((float) (0.5 / value)).add((float) value);
    }

    private static double[] toDouble(NDArray a) {
        return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray();
    }

    private static NDArray trace(NDArray m, int d) {
        return m.mul(m.getManager().eye(d)).sum();
    }

    private static double[][] toSquare(double[] v, int d) {
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) System.arraycopy(v, i * d, out[i], 0, d);
        return out;
    }

    private static double[] flatten(double[][] m) {
        int d = m.length;
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) System.arraycopy(m[i], 0, out, i * d, d);
        return out;
    }

    private static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (float) v[i];
        return out;
    }

    private static boolean allFinite(double[][] m) {
        for (double[] row : m) for (double x : row) if (!Double.isFinite(x)) return false;
        return true;
    }
}
