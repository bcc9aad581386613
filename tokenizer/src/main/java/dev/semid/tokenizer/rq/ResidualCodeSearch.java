package dev.semid.tokenizer.rq;

import dev.semid.tokenizer.data.Matrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.List;

/**
 * Exact residual nearest-codeword search on the CPU, in Java:
 * k_l = argmin_k ||r_l − c_{l,k}||² ({@link NearestCode}, one per level), r_{l+1} = r_l − c_{l,k_l}, r_0 = z.
 *
 * <p>Why not DJL: the streaming service encodes batches of 10–100 items, where PyTorch's per-op
 * dispatch and the copies in and out cost more than the arithmetic (DJL: ~35 µs per item at
 * batch 12, ~19 at 100; this: ~12–15 at any batch ≥ 4, on this machine's AVX2 cores).
 * Immutable and thread-safe.
 */
final class ResidualCodeSearch {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    private final int levels, d;
    private final NearestCode[] search;

    /** Codebooks of equal shape, as {@link ResidualQuantizer} checked them. */
    ResidualCodeSearch(List<Matrix> codebooks) {
        levels = codebooks.size();
        d = codebooks.get(0).cols();
        search = new NearestCode[levels];
        for (int l = 0; l < levels; l++) search[l] = new NearestCode(codebooks.get(l));
    }

    /** True when this JVM offers SIMD of at least 256 bits to the Vector API (narrower is emulated or slow). */
    static boolean fast() { return NearestCode.fast(); }

    /**
     * Codes of rows [from, to) of r (row-major, d columns) into codes[from..to); r's rows are
     * overwritten with their final residuals.
     */
    void search(float[] r, int from, int to, int[][] codes) {
        float[] scores = search[0].newScores();
        for (int i = from; i < to; i++) codes[i] = new int[levels];
        for (int l = 0; l < levels; l++) {
            NearestCode nc = search[l];
            int stride = nc.stride(), i = from;
            for (; i + 4 <= to; i += 4) {
                nc.scores4(r, i * d, scores);
                for (int q = 0; q < 4; q++) take(r, i + q, nc, nc.argmin(scores, q * stride), l, codes);
            }
            for (; i < to; i++) {
                nc.scores1(r, i * d, scores);
                take(r, i, nc, nc.argmin(scores, 0), l, codes);
            }
        }
    }

    /** Records the code and moves the row on to its next residual. */
    private void take(float[] r, int row, NearestCode nc, int best, int l, int[][] codes) {
        codes[row][l] = best;
        float[] c = nc.codewords();
        int ro = row * d, co = best * d, i = 0;
        for (; i <= d - V; i += V)
            FloatVector.fromArray(S, r, ro + i).sub(FloatVector.fromArray(S, c, co + i)).intoArray(r, ro + i);
        for (; i < d; i++) r[ro + i] -= c[co + i];
    }
}
