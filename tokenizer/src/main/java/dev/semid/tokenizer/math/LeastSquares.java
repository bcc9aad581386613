package dev.semid.tokenizer.math;

/** X = argmin ||A·X − Y||²_F via the normal equations (AᵀA + εI) X = AᵀY, solved by Cholesky. */
public final class LeastSquares {
    private LeastSquares() {}

    /** A is n×p, Y is n×q (row-major arrays); returns X, p×q. */
    public static double[][] solve(double[][] a, double[][] y) {
        int n = a.length, p = a[0].length, q = y[0].length;
        double[][] ata = new double[p][p], aty = new double[p][q];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++) {
                double aij = a[i][j];
                for (int k = 0; k < p; k++) ata[j][k] += aij * a[i][k];
                for (int k = 0; k < q; k++) aty[j][k] += aij * y[i][k];
            }
        double tr = 0;
        for (int j = 0; j < p; j++) tr += ata[j][j];
        for (int j = 0; j < p; j++) ata[j][j] += 1e-10 * tr / p + 1e-12; // keeps a rank-deficient A solvable
        double[][] l = new double[p][p];
        for (int i = 0; i < p; i++)
            for (int j = 0; j <= i; j++) {
                double s = ata[i][j];
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j][j];
            }
        double[][] x = new double[p][q];
        for (int c = 0; c < q; c++) {
            double[] z = new double[p];
            for (int i = 0; i < p; i++) {
                double s = aty[i][c];
                for (int k = 0; k < i; k++) s -= l[i][k] * z[k];
                z[i] = s / l[i][i];
            }
            for (int i = p - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < p; k++) s -= l[k][i] * x[k][c];
                x[i][c] = s / l[i][i];
            }
        }
        return x;
    }
}
