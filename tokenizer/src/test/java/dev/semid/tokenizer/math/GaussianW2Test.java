package dev.semid.tokenizer.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class GaussianW2Test {
    static double[][] diag(double... v) {
        double[][] m = new double[v.length][v.length];
        for (int i = 0; i < v.length; i++) m[i][i] = v[i];
        return m;
    }

    static double[][] randomSpd(int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = new double[d][d];
        for (double[] row : a) for (int j = 0; j < d; j++) row[j] = r.nextDouble() * 2 - 1;
        double[][] s = GaussianW2.multiply(a, transpose(a));
        for (int i = 0; i < d; i++) s[i][i] += 0.1;
        return s;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[0].length; j++) t[j][i] = a[i][j];
        return t;
    }

    @Test void identicalGaussiansAreAtDistanceZero() {
        double[][] s = randomSpd(6, 1);
        var a = new GaussianW2.Stats(new double[] {1, 2, 3, 4, 5, 6}, s);
        assertEquals(0, GaussianW2.squared(a, a), 1e-6);
    }

    @Test void diagonalCovariancesHaveTheTextbookForm() {
        double[] a = {0.5, 2, 3, 0.1}, b = {1, 1, 4, 0.4};
        double[] ma = {0, 1, 2, 3}, mb = {1, 1, 0, 3};
        double expected = 0;
        for (int i = 0; i < 4; i++)
            expected += (ma[i] - mb[i]) * (ma[i] - mb[i]) + Math.pow(Math.sqrt(a[i]) - Math.sqrt(b[i]), 2);
        double got = GaussianW2.squared(new GaussianW2.Stats(ma, diag(a)), new GaussianW2.Stats(mb, diag(b)));
        assertEquals(expected, got, 1e-6);
    }

    @Test void rotatedFullCovarianceMatchesAnIndependentMatrixSquareRoot() {
        int d = 5;
        double[][] sa = randomSpd(d, 7), sb = randomSpd(d, 8);
        double[] ma = {1, 0, -1, 2, 0.5}, mb = {0, 0, 0, 0, 0};
        // independent route: Denman–Beavers iteration for the square roots, no eigendecomposition
        double[][] rootA = denmanBeavers(sa);
        double[][] m = GaussianW2.multiply(GaussianW2.multiply(rootA, sb), rootA);
        double cross = trace(denmanBeavers(m));
        double expected = 0;
        for (int i = 0; i < d; i++) expected += (ma[i] - mb[i]) * (ma[i] - mb[i]);
        expected += trace(sa) + trace(sb) - 2 * cross;
        assertEquals(expected, GaussianW2.squared(new GaussianW2.Stats(ma, sa), new GaussianW2.Stats(mb, sb)), 1e-6);
    }

    @Test void crossTermGradientMatchesFiniteDifferences() {
        int d = 4;
        double[][] sa = randomSpd(d, 3), sb = randomSpd(d, 4);
        double[][] rootA = GaussianW2.sqrtPsd(sa);
        var ct = GaussianW2.crossTerm(rootA, sb);
        double h = 1e-6;
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++) {
                double[][] plus = copy(sb), minus = copy(sb);
                plus[i][j] += h; minus[i][j] -= h;
                if (i != j) { plus[j][i] += h; minus[j][i] -= h; }
                double fd = (GaussianW2.crossTerm(rootA, plus).value() - GaussianW2.crossTerm(rootA, minus).value()) / (2 * h);
                double analytic = i == j ? ct.gradient()[i][i] : 2 * ct.gradient()[i][j];
                assertEquals(fd, analytic, 1e-5, "entry " + i + "," + j);
            }
    }

    @Test void rankDeficientCovariancesStayFinite() {
        double[][] sa = diag(1, 1, 0, 0), sb = diag(0, 2, 0, 0);
        var ct = GaussianW2.crossTerm(GaussianW2.sqrtPsd(sa), sb);
        assertTrue(Double.isFinite(ct.value()));
        for (double[] row : ct.gradient()) for (double x : row) assertTrue(Double.isFinite(x));
        assertEquals(Math.pow(1 - 0, 2) + Math.pow(1 - Math.sqrt(2), 2),
                GaussianW2.squared(new GaussianW2.Stats(new double[4], sa), new GaussianW2.Stats(new double[4], sb)), 1e-3);
    }

    @Test void eigenDecompositionReconstructsTheMatrix() {
        double[][] s = randomSpd(7, 11);
        SymmetricEigen e = SymmetricEigen.of(s);
        double[][] back = e.apply(x -> x);
        for (int i = 0; i < 7; i++) for (int j = 0; j < 7; j++) assertEquals(s[i][j], back[i][j], 1e-10);
    }

    @Test void statsOfRowsWithScaleAndRidge() {
        float[] rows = {0, 0, 2, 2, 4, 4};
        var st = GaussianW2.of(rows, 3, 2, 2.0, true, 0.5);
        assertArrayEquals(new double[] {1, 1}, st.mean(), 1e-12);
        assertEquals(1 + 0.5, st.cov()[0][0], 1e-12); // var 4 / scale² 4 = 1, plus ridge
        assertEquals(1, st.cov()[0][1], 1e-12);
    }

    static double[][] denmanBeavers(double[][] a) {
        int d = a.length;
        double[][] y = copy(a), z = diag(ones(d));
        for (int it = 0; it < 60; it++) {
            double[][] yi = inverse(y), zi = inverse(z);
            double[][] ny = new double[d][d], nz = new double[d][d];
            for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) {
                ny[i][j] = 0.5 * (y[i][j] + zi[i][j]);
                nz[i][j] = 0.5 * (z[i][j] + yi[i][j]);
            }
            y = ny; z = nz;
        }
        return y;
    }

    static double[] ones(int d) { double[] o = new double[d]; java.util.Arrays.fill(o, 1); return o; }

    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) { System.arraycopy(m[i], 0, a[i], 0, n); a[i][n + i] = 1; }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            double pv = a[c][c];
            for (int j = 0; j < 2 * n; j++) a[c][j] /= pv;
            for (int r = 0; r < n; r++) if (r != c) {
                double f = a[r][c];
                for (int j = 0; j < 2 * n; j++) a[r][j] -= f * a[c][j];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(a[i], n, inv[i], 0, n);
        return inv;
    }

    static double trace(double[][] m) { double t = 0; for (int i = 0; i < m.length; i++) t += m[i][i]; return t; }

    static double[][] copy(double[][] m) { double[][] c = new double[m.length][]; for (int i = 0; i < m.length; i++) c[i] = m[i].clone(); return c; }
}
