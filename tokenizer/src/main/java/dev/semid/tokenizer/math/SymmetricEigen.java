package dev.semid.tokenizer.math;

/**
 * Eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix by cyclic Jacobi rotations,
 * in double precision. Meant for the small d×d covariances of the quantizers (d ≤ a few
 * hundred); converges quadratically and is exact to rounding for symmetric input.
 */
public final class SymmetricEigen {
    private final double[] values;
    private final double[][] vectors; // column j is the eigenvector of values[j]

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    public double[] values() { return values; }

    /** V with eigenvectors as columns. */
    public double[][] vectors() { return vectors; }

    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) throw new IllegalArgumentException("matrix is not square");
            a[i] = matrix[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) v[i][i] = 1;
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++) {
                diag += a[i][i] * a[i][i];
                for (int j = i + 1; j < n; j++) off += a[i][j] * a[i][j];
            }
            if (off <= 1e-30 * Math.max(diag, 1e-300) || off == 0) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p][q];
                    if (apq == 0) continue;
                    // rotation angle that zeroes a[p][q]: tan(2θ) = 2apq / (aqq − app)
                    double theta = (a[q][q] - a[p][p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++) { // A ← A·J
                        double akp = a[k][p], akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) { // A ← Jᵀ·A
                        double apk = a[p][k], aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) { // V ← V·J
                        double vkp = v[k][p], vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i][i];
        return new SymmetricEigen(values, v);
    }

    /** V·diag(f(λ))·Vᵀ. */
    public double[][] apply(java.util.function.DoubleUnaryOperator f) {
        int n = values.length;
        double[] fl = new double[n];
        for (int i = 0; i < n; i++) fl[i] = f.applyAsDouble(values[i]);
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) s += vectors[i][k] * fl[k] * vectors[j][k];
                out[i][j] = s;
                out[j][i] = s;
            }
        return out;
    }
}
