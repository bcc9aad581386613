package dev.semid.eval.math;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ItemPanelsTest {
    @Test void matchesTheNaiveProductForAwkwardShapes() {
        SplittableRandom r = new SplittableRandom(5);
        // queries b (4-blocks and leftovers), dimension d, items n (full and padded panels)
        for (int[] shape : new int[][] {{1, 1, 1}, {3, 7, 5}, {5, 33, 1100}, {9, 384, 517}, {4, 6, 16}, {8, 2, 33}}) {
            int b = shape[0], d = shape[1], n = shape[2];
            float[] q = new float[b * d], x = new float[n * d], out = new float[b * n];
            for (int i = 0; i < q.length; i++) q[i] = (float) r.nextGaussian();
            for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
            java.util.Arrays.fill(out, 99f); // must be overwritten, not accumulated into
            ItemPanels.of(new Matrix(n, d, x)).scores(q, b, out);
            for (int u = 0; u < b; u++)
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int k = 0; k < d; k++) s += (double) q[u * d + k] * x[j * d + k];
                    assertEquals(s, out[u * n + j], 1e-4 * Math.sqrt(d), "b=" + b + " d=" + d + " n=" + n + " u=" + u + " j=" + j);
                }
        }
    }

    @Test void writesOnlyTheRowsItWasAskedFor() {
        ItemPanels p = ItemPanels.of(new Matrix(3, 2, new float[] {1, 0, 0, 1, 1, 1}));
        float[] out = {7, 7, 7, 7, 7, 7, 7};
        p.scores(new float[] {2, 3, 5, 5}, 2, out);
        assertArrayEquals(new float[] {2, 3, 5, 5, 5, 10, 7}, out);
        assertThrows(IllegalArgumentException.class, () -> p.scores(new float[2], 2, new float[6]));
    }
}
