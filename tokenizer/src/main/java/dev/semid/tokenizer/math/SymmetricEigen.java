package dev.semid.tokenizer.math;

import java.util.Arrays;

/**
 * Eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix, eigenvalues in decreasing
 * order, in double precision: Householder reduction to a tridiagonal T = Qᵀ·A·Q, then implicit
 * QR steps with Wilkinson shifts on T, each a chase of Givens rotations also applied to Q.
 * About 10·n³ flops, so the d×d covariance of a 384-d embedding takes a fraction of a second
 * (cyclic Jacobi needed several).
 */
public final class SymmetricEigen {
    private static final double EPS = Math.ulp(1.0);
    private final double[] values;
    private final double[][] vectors; // column j is the eigenvector of values[j]

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** λ, largest first. */
    public double[] values() { return values; }

    /** V with eigenvectors as columns, in the order of {@link #values()}. */
    public double[][] vectors() { return vectors; }

    public static SymmetricEigen of(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) throw new IllegalArgumentException("matrix is not square");
            a[i] = matrix[i].clone();
        }
        double[][] qt = new double[n][n]; // Qᵀ: row j is the j-th basis vector, so rotations touch two contiguous rows
        for (int i = 0; i < n; i++) qt[i][i] = 1;
        double[] d = new double[n], e = new double[Math.max(n - 1, 0)];
        tridiagonalize(a, qt, d, e);
        diagonalize(d, e, qt);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Double.compare(d[y], d[x]));
        double[] values = new double[n];
        double[][] v = new double[n][n];
        for (int j = 0; j < n; j++) {
            values[j] = d[order[j]];
            double[] basis = qt[order[j]];
            for (int i = 0; i < n; i++) v[i][j] = basis[i];
        }
        return new SymmetricEigen(values, v);
    }

    /**
     * A ← H·A·H column by column with reflectors H = I − w·wᵀ (‖w‖² = 2) that zero A below the
     * subdiagonal; Qᵀ ← H·Qᵀ. Leaves T's diagonal in d and its subdiagonal in e.
     */
    private static void tridiagonalize(double[][] a, double[][] qt, double[] d, double[] e) {
        int n = a.length;
        double[] w = new double[n], p = new double[n];
        for (int k = 0; k + 2 < n; k++) {
            int lo = k + 1;
            double norm = 0;
            for (int i = lo; i < n; i++) norm += a[i][k] * a[i][k];
            norm = Math.sqrt(norm);
            if (norm == 0) continue;
            double alpha = a[lo][k] > 0 ? -norm : norm;
            double vv = 0;
            for (int i = lo; i < n; i++) {
                w[i] = a[i][k] - (i == lo ? alpha : 0);
                vv += w[i] * w[i];
            }
            if (vv == 0) continue;
            double scale = Math.sqrt(2 / vv);
            for (int i = lo; i < n; i++) w[i] *= scale;
            // B ← B − w·qᵀ − q·wᵀ with p = B·w, q = p − (wᵀp / 2)·w: the symmetric two-sided update
            double wp = 0;
            for (int i = lo; i < n; i++) {
                double s = 0;
                double[] ai = a[i];
                for (int j = lo; j < n; j++) s += ai[j] * w[j];
                p[i] = s;
                wp += w[i] * s;
            }
            double half = wp / 2;
            for (int i = lo; i < n; i++) p[i] -= half * w[i];
            for (int i = lo; i < n; i++) {
                double[] ai = a[i];
                double wi = w[i], pi = p[i];
                for (int j = lo; j < n; j++) ai[j] -= wi * p[j] + pi * w[j];
            }
            a[lo][k] = alpha;
            a[k][lo] = alpha;
            for (int i = lo + 1; i < n; i++) {
                a[i][k] = 0;
                a[k][i] = 0;
            }
            // Qᵀ rows lo..n−1 ← H applied to them: row_i −= w_i · (Σ_j w_j row_j)
            double[] t = new double[n];
            for (int j = lo; j < n; j++) {
                double wj = w[j];
                double[] qj = qt[j];
                for (int c = 0; c < n; c++) t[c] += wj * qj[c];
            }
            for (int i = lo; i < n; i++) {
                double wi = w[i];
                double[] qi = qt[i];
                for (int c = 0; c < n; c++) qi[c] -= wi * t[c];
            }
        }
        for (int i = 0; i < n; i++) d[i] = a[i][i];
        for (int i = 0; i + 1 < n; i++) e[i] = a[i + 1][i];
    }

    /** Implicit symmetric QR on the tridiagonal (d, e), deflating from the bottom; rotations accumulate into Qᵀ. */
    private static void diagonalize(double[] d, double[] e, double[][] qt) {
        int n = d.length;
        int hi = n - 1, sweeps = 0;
        while (hi > 0) {
            if (Math.abs(e[hi - 1]) <= EPS * (Math.abs(d[hi - 1]) + Math.abs(d[hi])) || e[hi - 1] == 0) {
                e[hi - 1] = 0;
                hi--;
                continue;
            }
            if (++sweeps > 60 * n) throw new ArithmeticException("symmetric eigendecomposition did not converge");
            int lo = hi - 1;
            while (lo > 0 && Math.abs(e[lo - 1]) > EPS * (Math.abs(d[lo - 1]) + Math.abs(d[lo]))) lo--;
            // Wilkinson shift: the eigenvalue of the trailing 2×2 block nearer to its last diagonal entry
            double delta = (d[hi - 1] - d[hi]) / 2, b = e[hi - 1];
            double mu = d[hi] - b * b / (delta + (delta >= 0 ? 1 : -1) * Math.hypot(delta, b));
            double x = d[lo] - mu, z = e[lo];
            for (int k = lo; k < hi; k++) {
                double r = Math.hypot(x, z);
                double c = x / r, s = z / r;
                if (k > lo) e[k - 1] = r;
                double dk = d[k], ek = e[k], dk1 = d[k + 1];
                d[k] = c * c * dk + 2 * c * s * ek + s * s * dk1;
                d[k + 1] = s * s * dk - 2 * c * s * ek + c * c * dk1;
                e[k] = c * s * (dk1 - dk) + (c * c - s * s) * ek;
                if (k + 1 < hi) {
                    x = e[k];
                    z = s * e[k + 1]; // the bulge at (k, k+2)
                    e[k + 1] *= c;
                }
                double[] qk = qt[k], qk1 = qt[k + 1];
                for (int i = 0; i < qk.length; i++) {
                    double u = qk[i], v = qk1[i];
                    qk[i] = c * u + s * v;
                    qk1[i] = c * v - s * u;
                }
            }
        }
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
