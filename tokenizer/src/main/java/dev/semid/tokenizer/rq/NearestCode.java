package dev.semid.tokenizer.rq;

import dev.semid.tokenizer.data.Matrix;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Exact nearest codeword of one codebook on the CPU, in Java, the kernel both the encoder
 * ({@link ResidualCodeSearch}) and k-means training use:
 * k(x) = argmin_k (||c_k||² − 2 x·c_k) = argmin_k ||x − c_k||², the first k on ties.
 *
 * <p>−2Cᵀ is stored d × K' (K' = K rounded up to four vectors, padded with zeros whose norm is
 * +∞), so four rows × two vectors of codewords are accumulated in eight SIMD registers over all d
 * dimensions: two loads and four broadcasts per eight multiply-adds. Every score is a sequential
 * fused multiply-add over the dimensions in one SIMD lane, so a row's code depends neither on the
 * batch or chunk it comes in nor on the vector width of the CPU. Immutable and thread-safe.
 */
public final class NearestCode {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int V = S.length();

    private final int k, kPadded, d;
    private final float[] minusTwoT, norms, book;

    public NearestCode(Matrix codebook) {
        k = codebook.rows();
        d = codebook.cols();
        kPadded = (k + 4 * V - 1) / (4 * V) * (4 * V);
        book = codebook.data().clone();
        minusTwoT = new float[d * kPadded];
        norms = new float[kPadded];
        java.util.Arrays.fill(norms, k, kPadded, Float.POSITIVE_INFINITY); // padding never wins
        for (int j = 0; j < k; j++) {
            float s = 0;
            for (int i = 0; i < d; i++) {
                float v = book[j * d + i];
                minusTwoT[i * kPadded + j] = -2f * v;
                s += v * v;
            }
            norms[j] = s;
        }
    }

    /** True when this JVM offers SIMD of at least 256 bits to the Vector API (narrower is emulated or slow). */
    public static boolean fast() { return S.vectorBitSize() >= 256; }

    public int size() { return k; }

    /** Codewords, row-major K × d (a copy held by this search; do not modify). */
    float[] codewords() { return book; }

    /** Scratch for {@link #scores4} and {@link #argmin}: four rows of padded scores. */
    float[] newScores() { return new float[4 * kPadded]; }

    int stride() { return kPadded; }

    /** codes[i] = the nearest codeword of row i of x (row-major, d columns), for i in [from, to). */
    public void assign(float[] x, int from, int to, int[] codes) { assignWithGap(x, from, to, codes, null); }

    /**
     * codes[i] = the nearest codeword of row i and gap[i] = how much nearer it is than the second
     * nearest (difference of squared distances; 0 when K = 1), for i in [from, to); no gaps when
     * {@code gap} is null.
     */
    public void assignWithGap(float[] x, int from, int to, int[] codes, float[] gap) {
        float[] scores = newScores();
        int i = from;
        for (; i + 4 <= to; i += 4) {
            scores4(x, i * d, scores);
            for (int q = 0; q < 4; q++) withGap(scores, q * kPadded, i + q, codes, gap);
        }
        for (; i < to; i++) {
            scores1(x, i * d, scores);
            withGap(scores, 0, i, codes, gap);
        }
    }

    private void withGap(float[] scores, int off, int row, int[] codes, float[] gap) {
        int best = argmin(scores, off);
        codes[row] = best;
        if (gap == null) return;
        float second = Float.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) if (j != best && scores[off + j] < second) second = scores[off + j];
        gap[row] = k == 1 ? 0 : second - scores[off + best];
    }

    /**
     * The first index of the smallest ||c_j||² − 2 x·c_j among the scores at {@code off} (the
     * norms are added in place). NaN scores (never from validated input) fall to the last code.
     */
    int argmin(float[] scores, int off) {
        FloatVector min = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
        for (int j = 0; j < kPadded; j += V) {
            FloatVector s = FloatVector.fromArray(S, scores, off + j).add(FloatVector.fromArray(S, norms, j));
            s.intoArray(scores, off + j);
            min = min.min(s);
        }
        float m = min.reduceLanes(VectorOperators.MIN);
        int best = 0;
        while (best < k - 1 && !(scores[off + best] == m)) best++;
        return best;
    }

    /** scores[q·K' + j] = −2 x_q·c_j for the four rows starting at x[base]. */
    void scores4(float[] x, int base, float[] scores) {
        int r1 = base + d, r2 = r1 + d, r3 = r2 + d;
        float[] t = minusTwoT;
        for (int kb = 0; kb < kPadded; kb += 2 * V) {
            FloatVector a00 = FloatVector.zero(S), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
            for (int i = 0, o = kb; i < d; i++, o += kPadded) {
                FloatVector c0 = FloatVector.fromArray(S, t, o), c1 = FloatVector.fromArray(S, t, o + V);
                FloatVector x0 = FloatVector.broadcast(S, x[base + i]);
                a00 = c0.fma(x0, a00);
                a01 = c1.fma(x0, a01);
                FloatVector x1 = FloatVector.broadcast(S, x[r1 + i]);
                a10 = c0.fma(x1, a10);
                a11 = c1.fma(x1, a11);
                FloatVector x2 = FloatVector.broadcast(S, x[r2 + i]);
                a20 = c0.fma(x2, a20);
                a21 = c1.fma(x2, a21);
                FloatVector x3 = FloatVector.broadcast(S, x[r3 + i]);
                a30 = c0.fma(x3, a30);
                a31 = c1.fma(x3, a31);
            }
            a00.intoArray(scores, kb);
            a01.intoArray(scores, kb + V);
            a10.intoArray(scores, kPadded + kb);
            a11.intoArray(scores, kPadded + kb + V);
            a20.intoArray(scores, 2 * kPadded + kb);
            a21.intoArray(scores, 2 * kPadded + kb + V);
            a30.intoArray(scores, 3 * kPadded + kb);
            a31.intoArray(scores, 3 * kPadded + kb + V);
        }
    }

    /** scores[j] = −2 x·c_j for the row at x[base]: four vectors of codewords at a time. */
    void scores1(float[] x, int base, float[] scores) {
        float[] t = minusTwoT;
        for (int kb = 0; kb < kPadded; kb += 4 * V) {
            FloatVector a0 = FloatVector.zero(S), a1 = a0, a2 = a0, a3 = a0;
            for (int i = 0, o = kb; i < d; i++, o += kPadded) {
                FloatVector xv = FloatVector.broadcast(S, x[base + i]);
                a0 = FloatVector.fromArray(S, t, o).fma(xv, a0);
                a1 = FloatVector.fromArray(S, t, o + V).fma(xv, a1);
                a2 = FloatVector.fromArray(S, t, o + 2 * V).fma(xv, a2);
                a3 = FloatVector.fromArray(S, t, o + 3 * V).fma(xv, a3);
            }
            a0.intoArray(scores, kb);
            a1.intoArray(scores, kb + V);
            a2.intoArray(scores, kb + 2 * V);
            a3.intoArray(scores, kb + 3 * V);
        }
    }
}
