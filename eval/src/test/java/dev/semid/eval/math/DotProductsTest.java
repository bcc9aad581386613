package dev.semid.eval.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class DotProductsTest {
    @Test void matchesTheNaiveProductForAwkwardShapes() {
        SplittableRandom r = new SplittableRandom(5);
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 7, 5}, {5, 33, 1100}, {2, 384, 517}, {4, 6, 13}}) {
            int b = shape[0], d = shape[1], n = shape[2];
            float[] q = new float[b * d], it = new float[d * n], out = new float[b * n];
            for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
            for (int i = 0; i < it.length; i++) it[i] = (float) r.nextGaussian();
            java.util.Arrays.fill(out, 99f); // must be overwritten, not accumulated into
            DotProducts.multiply(q, b, d, it, n, out);
            for (int u = 0; u < b; u++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) s += (double) q[u * d + k] * it[k * n + j];
                    assertEquals(s, out[u * n + j], 1e-4 * Math.sqrt(d), "b=" + b + " d=" + d + " n=" + n);
                }
        }
    }

    @Test void rejectsMismatchedShapes() {
        assertThrows(IllegalArgumentException.class, () -> DotProducts.multiply(new float[4], 2, 2, new float[5], 3, new float[6]));
    }
}
