package dev.semid.tokenizer.math;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymmetricEigenTest {
    @Test void decomposesRandomSymmetricMatricesIntoOrthonormalVectorsLargestFirst() {
        for (int n : new int[] {1, 2, 3, 17, 96}) {
            double[][] a = randomSymmetric(n, n);
            SymmetricEigen e = SymmetricEigen.of(a);
            assertDecomposes(a, e, 1e-9);
        }
    }

    @Test void handlesRepeatedZeroAndDiagonalSpectra() {
        int n = 12;
        double[][] identity = new double[n][n], zeros = new double[n][n], diagonal = new double[n][n];
        for (int i = 0; i < n; i++) {
            identity[i][i] = 1;
            diagonal[i][i] = (i * 7) % 5 - 2; // repeated values, both signs, unsorted
        }
        for (double[][] a : new double[][][] {identity, zeros, diagonal}) assertDecomposes(a, SymmetricEigen.of(a), 1e-12);
        double[] values = SymmetricEigen.of(diagonal).values();
        assertEquals(2, values[0], 1e-12);
        assertEquals(-2, values[n - 1], 1e-12);
    }

    @Test void aLowRankCovarianceHasItsVarianceInTheLeadingVectors() {
        // rows on a 2-d plane of a 40-d space: two positive eigenvalues, the rest zero
        Random r = new Random(5);
        int n = 40;
        double[] u = unit(r, n), v = unit(r, n);
        double[][] cov = new double[n][n];
        for (int s = 0; s < 500; s++) {
            double a = 3 * r.nextGaussian(), b = r.nextGaussian();
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) cov[i][j] += (a * u[i] + b * v[i]) * (a * u[j] + b * v[j]) / 500;
        }
        SymmetricEigen e = SymmetricEigen.of(cov);
        assertDecomposes(cov, e, 1e-9);
        assertTrue(e.values()[1] > 0.5 && e.values()[0] > e.values()[1], "two leading values " + e.values()[0] + ", " + e.values()[1]);
        assertEquals(0, e.values()[2], 1e-9);
    }

    private static void assertDecomposes(double[][] a, SymmetricEigen e, double tol) {
        int n = a.length;
        double[] l = e.values();
        double[][] v = e.vectors();
        double scale = 1;
        for (double[] row : a) for (double x : row) scale = Math.max(scale, Math.abs(x));
        for (int j = 0; j + 1 < n; j++) assertTrue(l[j] >= l[j + 1], "values sorted largest first");
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                double av = 0, vtv = 0;
                for (int k = 0; k < n; k++) {
                    av += a[i][k] * v[k][j];
                    vtv += v[k][i] * v[k][j];
                }
                assertEquals(l[j] * v[i][j], av, tol * scale * n, "A·v = λ·v at " + i + "," + j);
                assertEquals(i == j ? 1 : 0, vtv, tol * n, "VᵀV = I at " + i + "," + j);
            }
    }

    private static double[][] randomSymmetric(int n, long seed) {
        Random r = new Random(seed);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++)
            for (int j = i; j < n; j++) {
                a[i][j] = r.nextGaussian();
                a[j][i] = a[i][j];
            }
        return a;
    }

    private static double[] unit(Random r, int n) {
        double[] u = new double[n];
        double s = 0;
        for (int i = 0; i < n; i++) { u[i] = r.nextGaussian(); s += u[i] * u[i]; }
        for (int i = 0; i < n; i++) u[i] /= Math.sqrt(s);
        return u;
    }
}
