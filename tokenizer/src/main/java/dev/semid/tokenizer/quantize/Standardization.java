package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.data.Matrix;

/** Per-dimension x' = (x − μ)/σ, σ floored so constant dimensions do not divide by zero. */
public record Standardization(float[] mean, float[] scale) {
    private static final double MIN_SCALE = 1e-6;

    public static Standardization fit(Matrix x) {
        int n = x.rows(), d = x.cols();
        double[] sum = new double[d], sq = new double[d];
        float[] v = x.data();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) {
                double a = v[i * d + j];
                sum[j] += a;
                sq[j] += a * a;
            }
        float[] mean = new float[d], scale = new float[d];
        for (int j = 0; j < d; j++) {
            double m = sum[j] / n;
            double var = Math.max(0, sq[j] / n - m * m);
            mean[j] = (float) m;
            scale[j] = (float) Math.max(Math.sqrt(var), MIN_SCALE);
        }
        return new Standardization(mean, scale);
    }

    /** A standardised copy. */
    public Matrix apply(Matrix x) {
        int d = x.cols();
        float[] src = x.data(), out = new float[src.length];
        for (int i = 0; i < src.length; i++) out[i] = (src[i] - mean[i % d]) / scale[i % d];
        return new Matrix(x.rows(), d, out);
    }
}
