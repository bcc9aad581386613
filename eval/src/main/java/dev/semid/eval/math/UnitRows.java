package dev.semid.eval.math;

import dev.semid.tokenizer.data.Matrix;

/** Rows scaled to unit L2 length (cosine similarity becomes a dot product); all-zero rows stay zero. */
public final class UnitRows {
    private UnitRows() {}

    public static Matrix of(Matrix m) {
        float[] dst = m.data().clone();
        for (int r = 0; r < m.rows(); r++) normalise(dst, r * m.cols(), m.cols());
        return new Matrix(m.rows(), m.cols(), dst);
    }

    /** Scales v[offset .. offset + d) to unit length in place (no-op for a zero vector). */
    public static void normalise(float[] v, int offset, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) s += (double) v[offset + k] * v[offset + k];
        if (s == 0) return;
        float inv = (float) (1 / Math.sqrt(s));
        for (int k = 0; k < d; k++) v[offset + k] *= inv;
    }
}
