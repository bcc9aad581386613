package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.data.Matrix;

/**
 * Reconstruction quality, accumulated in double:
 * relative error = Σ_i ||z_i − ẑ_i||² / Σ_i ||z_i − mean(z)||² (1 = no better than the mean,
 * 0 = exact), and mse = (1 / (N·d)) Σ_{i,j} (x_ij − x̂_ij)².
 */
public final class QuantizationStats {
    private QuantizationStats() {}

    /**
     * Relative quantization error of ẑ against z. When z has no spread (all rows equal) the ratio
     * is undefined: 0 if ẑ = z exactly, else +∞.
     */
    public static double relativeError(Matrix z, Matrix zHat) {
        checkShapes(z, zHat, "z", "ẑ");
        int n = z.rows(), d = z.cols();
        float[] a = z.data(), b = zHat.data();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) mean[j] += a[o + j];
        }
        for (int j = 0; j < d; j++) mean[j] /= n;
        double err = 0, spread = 0;
        for (int i = 0; i < n; i++) {
            int o = i * d;
            for (int j = 0; j < d; j++) {
                double e = (double) a[o + j] - b[o + j];
                double s = a[o + j] - mean[j];
                err += e * e;
                spread += s * s;
            }
        }
        if (spread == 0) return err == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        return err / spread;
    }

    /** Mean squared error over all N·d elements. */
    public static double mse(Matrix x, Matrix xHat) {
        checkShapes(x, xHat, "x", "x̂");
        float[] a = x.data(), b = xHat.data();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double e = (double) a[i] - b[i];
            sum += e * e;
        }
        return sum / a.length;
    }

    private static void checkShapes(Matrix a, Matrix b, String na, String nb) {
        if (a.rows() != b.rows() || a.cols() != b.cols())
            throw new IllegalArgumentException("shape mismatch: " + na + " is " + a.rows() + "x" + a.cols()
                    + ", " + nb + " is " + b.rows() + "x" + b.cols());
        if (a.rows() == 0 || a.cols() == 0)
            throw new IllegalArgumentException("empty matrices (" + a.rows() + "x" + a.cols() + ")");
    }
}
