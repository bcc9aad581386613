package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Additive attention masks: 0 where a query may look, {@link #HIDDEN} where it may not. A large
 * finite negative instead of −∞ keeps a row with every key hidden (a padding query) finite.
 */
public final class Masks {
    public static final float HIDDEN = -1e9f;

    private Masks() {}

    /** [1, 1, T, T]: position i sees positions ≤ i. */
    public static NDArray causal(NDManager m, int t) {
        float[] v = new float[t * t];
        for (int i = 0; i < t; i++)
            for (int j = i + 1; j < t; j++) v[i * t + j] = HIDDEN;
        return m.create(v, new Shape(1, 1, t, t));
    }

    /** [B, 1, 1, T] from key validity {@code valid[b][t]}. */
    public static NDArray keys(NDManager m, boolean[][] valid) {
        int b = valid.length, t = b == 0 ? 0 : valid[0].length;
        float[] v = new float[b * t];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < t; j++) if (!valid[i][j]) v[i * t + j] = HIDDEN;
        return m.create(v, new Shape(b, 1, 1, t));
    }
}
