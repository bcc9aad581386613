package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.data.Matrix;

import java.io.Serializable;

/**
 * The sums behind {@link QuantizationStats}, for rows a (N×d) and their reconstruction â:
 * error = Σ_i ||a_i − â_i||², spread = Σ_i ||a_i − mean(a)||², with the mean and N kept so that
 * the sums of two sets of rows merge into those of their union (spread by the pairwise update of
 * Chan et al.: + n_1·n_2/n · ||mean_2 − mean_1||², which stays accurate where Σ||a||² − N·||mean||²
 * would cancel). One batch is summed in two passes, in double.
 */
public final class ErrorSums implements Serializable {
    private static final long serialVersionUID = 1L;

    private long rows;
    private double[] mean;
    private double error, spread;

    private ErrorSums() {}

    /** The sums of one batch; a and â have the same shape, at least one row and one column. */
    public static ErrorSums of(Matrix a, Matrix aHat) {
        checkShapes(a, aHat);
        int n = a.rows(), d = a.cols();
        float[] x = a.data(), y = aHat.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) mean[j] += x[o + j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        double err = 0, spread = 0;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                double e = (double) x[o + j] - y[o + j];
                double s = x[o + j] - mean[j];
                err += e * e;
                spread += s * s;
            }
        }
        ErrorSums out = new ErrorSums();
        out.rows = n;
        out.mean = mean;
        out.error = err;
        out.spread = spread;
        return out;
    }

    /** The sums of these rows and {@code other}'s together; either may be null (nothing measured). */
    public static ErrorSums merge(ErrorSums a, ErrorSums b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.mean.length != b.mean.length)
            throw new IllegalArgumentException("error sums of " + a.mean.length + "- and " + b.mean.length + "-column rows");
        ErrorSums out = new ErrorSums();
        out.rows = a.rows + b.rows;
        double wb = (double) b.rows / out.rows, between = 0;
        out.mean = new double[a.mean.length];
        for (int j = 0; j < out.mean.length; j++) {
            double delta = b.mean[j] - a.mean[j];
            between += delta * delta;
            out.mean[j] = a.mean[j] + delta * wb;
        }
        out.error = a.error + b.error;
        out.spread = a.spread + b.spread + between * a.rows * wb;
        return out;
    }

    /** error / spread; when the rows have no spread (all equal) it is undefined: 0 if â = a exactly, else +∞. */
    public double relativeError() {
        if (spread == 0) return error == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        return error / spread;
    }

    /** error / (N·d): the mean squared error over all elements. */
    public double mse() {
        return error / ((double) rows * mean.length);
    }

    private static void checkShapes(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols())
            throw new IllegalArgumentException("shape mismatch: " + a.rows() + "x" + a.cols() + " against " + b.rows() + "x" + b.cols());
        if (a.rows() == 0 || a.cols() == 0)
            throw new IllegalArgumentException("empty matrices (" + a.rows() + "x" + a.cols() + ")");
    }
}
