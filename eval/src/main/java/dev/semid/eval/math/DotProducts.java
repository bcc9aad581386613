package dev.semid.eval.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;

/**
 * Blocked dense product of a few query rows with a whole item table:
 * {@code out[u·n + j] = Σ_k q[u·d + k] · itemsT[k·n + j]} for u &lt; b, j &lt; n.
 *
 * <p>The items are held transposed (d × n) so the inner loop is a multiply-add over contiguous
 * item columns. It is written with the Vector API because C2 does not vectorise this loop on
 * its own (it cannot prove that {@code out} and {@code itemsT} do not overlap): ~33 against
 * ~6 GFLOP/s per core here. Four k's per pass cut the loads and stores of {@code out} by four;
 * item tiles of {@value #TILE} columns keep one pass's working set in L1/L2. Single-threaded:
 * callers split the queries into blocks.
 */
public final class DotProducts {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Item columns per tile: 4 rows × 512 floats of itemsT and a user's 512 outputs fit in L1. */
    static final int TILE = 512;

    private DotProducts() {}

    public static void multiply(float[] q, int b, int d, float[] itemsT, int n, float[] out) {
        if (q.length < (long) b * d || itemsT.length != (long) d * n || out.length < (long) b * n)
            throw new IllegalArgumentException("shapes: q " + q.length + " for " + b + "×" + d + ", itemsT " + itemsT.length
                    + " for " + d + "×" + n + ", out " + out.length + " for " + b + "×" + n);
        for (int j0 = 0; j0 < n; j0 += TILE) {
            int j1 = Math.min(n, j0 + TILE);
            int vecEnd = j0 + S.loopBound(j1 - j0);
            for (int u = 0; u < b; u++) Arrays.fill(out, u * n + j0, u * n + j1, 0f);
            int k = 0;
            for (; k + 4 <= d; k += 4)
                for (int u = 0; u < b; u++) {
                    int qo = u * d + k;
                    axpy4(out, u * n, itemsT, k * n, n, q[qo], q[qo + 1], q[qo + 2], q[qo + 3], j0, vecEnd, j1);
                }
            for (; k < d; k++)
                for (int u = 0; u < b; u++) axpy1(out, u * n, itemsT, k * n, q[u * d + k], j0, vecEnd, j1);
        }
    }

    // The hot loops live in small methods so that C2 compiles them within the first block;
    // the Vector API is slow until it does.

    /** out[o + j] += s0·it[e + j] + s1·it[e + n + j] + s2·it[e + 2n + j] + s3·it[e + 3n + j] for j in [j0, j1). */
    private static void axpy4(float[] out, int o, float[] it, int e0, int n, float s0, float s1, float s2, float s3,
                              int j0, int vecEnd, int j1) {
        int e1 = e0 + n, e2 = e1 + n, e3 = e2 + n;
        FloatVector v0 = FloatVector.broadcast(S, s0), v1 = FloatVector.broadcast(S, s1),
                v2 = FloatVector.broadcast(S, s2), v3 = FloatVector.broadcast(S, s3);
        int j = j0;
        for (; j < vecEnd; j += S.length()) {
            FloatVector acc = FloatVector.fromArray(S, out, o + j);
            acc = FloatVector.fromArray(S, it, e0 + j).fma(v0, acc);
            acc = FloatVector.fromArray(S, it, e1 + j).fma(v1, acc);
            acc = FloatVector.fromArray(S, it, e2 + j).fma(v2, acc);
            acc = FloatVector.fromArray(S, it, e3 + j).fma(v3, acc);
            acc.intoArray(out, o + j);
        }
        for (; j < j1; j++)
            out[o + j] = Math.fma(s3, it[e3 + j], Math.fma(s2, it[e2 + j], Math.fma(s1, it[e1 + j], Math.fma(s0, it[e0 + j], out[o + j]))));
    }

    private static void axpy1(float[] out, int o, float[] it, int e0, float s0, int j0, int vecEnd, int j1) {
        FloatVector v0 = FloatVector.broadcast(S, s0);
        int j = j0;
        for (; j < vecEnd; j += S.length())
            FloatVector.fromArray(S, it, e0 + j).fma(v0, FloatVector.fromArray(S, out, o + j)).intoArray(out, o + j);
        for (; j < j1; j++) out[o + j] = Math.fma(s0, it[e0 + j], out[o + j]);
    }
}
