package dev.semid.tokenizer.math;

/**
 * 2-Wasserstein distance between Gaussians N(μ_A, Σ_A) and N(μ_B, Σ_B) in closed form:
 * W2² = ||μ_A − μ_B||² + tr Σ_A + tr Σ_B − 2 tr( (Σ_A^{1/2} Σ_B Σ_A^{1/2})^{1/2} ).
 * Σ_A^{1/2} comes from a symmetric eigendecomposition with eigenvalues clamped at 0 (+1e-8);
 * the cross term is Σ_i sqrt(max(ν_i, 0) + 1e-8) over the eigenvalues ν_i of
 * M = Σ_A^{1/2} Σ_B Σ_A^{1/2}. Its gradient with respect to Σ_B, used to train the codebook, is
 * ∂/∂Σ_B = Σ_A^{1/2} · V diag( [ν_i > 0] / (2 sqrt(ν_i + 1e-8)) ) Vᵀ · Σ_A^{1/2}
 * (from dν_i = v_iᵀ dM v_i). Double precision throughout; no DJL.
 */
public final class GaussianW2 {
    static final double EPS = 1e-8;

    private GaussianW2() {}

    /** Mean and covariance of a Gaussian. */
    public record Stats(double[] mean, double[][] cov) {
        public int dim() { return mean.length; }
        public double trace() {
            double t = 0;
            for (int i = 0; i < mean.length; i++) t += cov[i][i];
            return t;
        }
    }

    /** Value of the cross term tr((Σ_A^{1/2} Σ_B Σ_A^{1/2})^{1/2}) and its gradient w.r.t. Σ_B (symmetric). */
    public record CrossTerm(double value, double[][] gradient) {}

    /**
     * Mean and covariance of n rows of a row-major float array, scaled by 1/scale (so the
     * covariance by 1/scale²), with {@code ridge} added to the diagonal. unbiased: divide by n−1.
     */
    public static Stats of(float[] rows, int n, int d, double scale, boolean unbiased, double ridge) {
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += rows[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][] cov = new double[d][d];
        double[] c = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) c[j] = rows[i * d + j] - mean[j];
            for (int j = 0; j < d; j++) for (int k = j; k < d; k++) cov[j][k] += c[j] * c[k];
        }
        double denom = (unbiased && n > 1 ? n - 1 : n) * scale * scale;
        for (int j = 0; j < d; j++) {
            mean[j] /= scale;
            for (int k = j; k < d; k++) {
                cov[j][k] /= denom;
                cov[k][j] = cov[j][k];
            }
            cov[j][j] += ridge;
        }
        return new Stats(mean, cov);
    }

    /** Σ^{1/2} with eigenvalues clamped at 0 (+1e-8). */
    public static double[][] sqrtPsd(double[][] sigma) {
        return SymmetricEigen.of(sigma).apply(l -> Math.sqrt(Math.max(l, 0) + EPS));
    }

    public static CrossTerm crossTerm(double[][] sqrtA, double[][] sigmaB) {
        int d = sqrtA.length;
        double[][] m = multiply(multiply(sqrtA, sigmaB), sqrtA);
        symmetrize(m);
        SymmetricEigen e = SymmetricEigen.of(m);
        double value = 0;
        for (double nu : e.values()) value += Math.sqrt(Math.max(nu, 0) + EPS);
        double[][] inner = e.apply(nu -> nu > 0 ? 0.5 / Math.sqrt(nu + EPS) : 0);
        double[][] grad = multiply(multiply(sqrtA, inner), sqrtA);
        symmetrize(grad);
        return new CrossTerm(value, grad);
    }

    /** W2² between two Gaussians (clamped at 0). */
    public static double squared(Stats a, Stats b) {
        double mu = 0;
        for (int i = 0; i < a.dim(); i++) mu += (a.mean()[i] - b.mean()[i]) * (a.mean()[i] - b.mean()[i]);
        double cross = crossTerm(sqrtPsd(a.cov()), b.cov()).value();
        return Math.max(0, mu + a.trace() + b.trace() - 2 * cross);
    }

    static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length, m = y[0].length, k = y.length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++)
            for (int p = 0; p < k; p++) {
                double xi = x[i][p];
                if (xi == 0) continue;
                for (int j = 0; j < m; j++) out[i][j] += xi * y[p][j];
            }
        return out;
    }

    private static void symmetrize(double[][] m) {
        for (int i = 0; i < m.length; i++)
            for (int j = i + 1; j < m.length; j++) {
                double s = 0.5 * (m[i][j] + m[j][i]);
                m[i][j] = s;
                m[j][i] = s;
            }
    }
}
