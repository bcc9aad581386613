package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.math.SymmetricEigen;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.SplittableRandom;

/**
 * The principal axes of a set of rows: mean μ and the eigenvectors of Σ = (1/n)·Σ_i (x_i − μ)(x_i − μ)ᵀ,
 * largest variance first. Estimated on a uniform sample of at most {@code maxRows} rows; Σ is
 * accumulated in double precision, chunk by chunk in parallel and reduced in chunk order.
 *
 * @param mean μ, d values
 * @param axes d × d, row a is the a-th axis (unit length)
 */
record PrincipalAxes(float[] mean, Matrix axes) {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    static PrincipalAxes of(Matrix x, int maxRows, SplittableRandom rnd) {
        Matrix pool = x.rows() > maxRows ? x.select(Permutation.sample(x.rows(), maxRows, rnd)) : x;
        int n = pool.rows(), d = pool.cols();
        float[] data = pool.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += data[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        double[][][] partial = new double[Parallel.chunks(n)][][];
        Parallel.forChunks(n, (c, from, to) -> {
            double[][] cov = new double[d][d];
            double[] y = new double[d];
            for (int i = from; i < to; i++) {
                for (int j = 0; j < d; j++) y[j] = data[i * d + j] - mean[j];
                for (int j = 0; j < d; j++) upperRow(cov[j], y, j, y[j]);
            }
            partial[c] = cov;
        });
        double[][] cov = new double[d][d];
        for (double[][] p : partial)
            for (int j = 0; j < d; j++) for (int l = j; l < d; l++) cov[j][l] += p[j][l];
        for (int j = 0; j < d; j++)
            for (int l = j; l < d; l++) {
                cov[j][l] /= n;
                cov[l][j] = cov[j][l];
            }
        double[][] v = SymmetricEigen.of(cov).vectors();
        float[] axes = new float[d * d];
        for (int a = 0; a < d; a++) for (int j = 0; j < d; j++) axes[a * d + j] = (float) v[j][a];
        float[] mu = new float[d];
        for (int j = 0; j < d; j++) mu[j] = (float) mean[j];
        return new PrincipalAxes(mu, new Matrix(d, d, axes));
    }

    /** row[l] += s·y[l] for l ≥ from: one row of the upper triangle of Σ y·yᵀ. */
    private static void upperRow(double[] row, double[] y, int from, double s) {
        int l = from, bound = from + S.loopBound(y.length - from);
        DoubleVector sv = DoubleVector.broadcast(S, s);
        for (; l < bound; l += S.length())
            DoubleVector.fromArray(S, y, l).fma(sv, DoubleVector.fromArray(S, row, l)).intoArray(row, l);
        for (; l < y.length; l++) row[l] += s * y[l];
    }

    /** Rows of x in the first m axes' coordinates: (x_i − μ)·A[0..m)ᵀ, n × m. */
    Matrix project(Matrix x, int m) { return project(x, null, m); }

    /** As {@link #project(Matrix, int)} for the given rows of x only (null = all), without copying them first. */
    Matrix project(Matrix x, int[] rows, int m) {
        int n = rows == null ? x.rows() : rows.length, d = x.cols();
        float[] xd = x.data(), ad = axes.data(), out = new float[n * m];
        float[] t = new float[d * m]; // Aᵀ restricted to m axes: row j holds coordinate j of each axis
        for (int a = 0; a < m; a++) for (int j = 0; j < d; j++) t[j * m + a] = ad[a * d + j];
        Parallel.forChunks(n, (c, from, to) -> {
            for (int i = from; i < to; i++)
                for (int j = 0, src = (rows == null ? i : rows[i]) * d; j < d; j++) axpy(out, i * m, t, j * m, m, xd[src + j] - mean[j]);
        });
        return new Matrix(n, m, out);
    }

    /** y[yo..yo+m) += s·x[xo..xo+m). */
    private static void axpy(float[] y, int yo, float[] x, int xo, int m, float s) {
        int l = 0, bound = F.loopBound(m);
        FloatVector sv = FloatVector.broadcast(F, s);
        for (; l < bound; l += F.length())
            FloatVector.fromArray(F, x, xo + l).fma(sv, FloatVector.fromArray(F, y, yo + l)).intoArray(y, yo + l);
        for (; l < m; l++) y[yo + l] += s * x[xo + l];
    }

    /** Points given in the first m axes' coordinates (k × m) back in the input space: μ + Σ_a p_a·A_a. */
    float[] unproject(float[] points, int k, int m) {
        int d = mean.length;
        float[] ad = axes.data(), out = new float[k * d];
        for (int c = 0; c < k; c++) {
            System.arraycopy(mean, 0, out, c * d, d);
            for (int a = 0; a < m; a++) {
                axpy(out, c * d, ad, a * d, d, points[c * m + a]);
            }
        }
        return out;
    }
}
