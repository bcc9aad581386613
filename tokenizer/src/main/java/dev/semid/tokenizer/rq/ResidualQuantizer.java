package dev.semid.tokenizer.rq;

import dev.semid.tokenizer.data.Matrix;

import java.util.List;

/**
 * Residual quantization with L codebooks of K codes in d dimensions, held as plain data:
 * r_0 = z, k_l = argmin_k ||r_l − c_{l,k}||², r_{l+1} = r_l − c_{l,k_l}; decoding is ẑ = Σ_l c_{l,k_l}.
 *
 * <p>This is the Java engine: {@link #encode} runs the Vector API kernel of {@link ResidualCodeSearch}.
 * The batch engine on NDArrays (PyTorch, with gradients for training) is {@link NdResidualQuantizer}.
 * Immutable and thread-safe.
 */
public final class ResidualQuantizer {
    private final List<Matrix> codebooks;
    private final int k, d;
    /** Built on the first encode: decoding and residuals must work where the Vector API module is absent. */
    private volatile ResidualCodeSearch search;

    private ResidualQuantizer(List<Matrix> codebooks) {
        if (codebooks.isEmpty()) throw new IllegalArgumentException("no codebooks");
        this.codebooks = List.copyOf(codebooks);
        this.k = codebooks.get(0).rows();
        this.d = codebooks.get(0).cols();
        for (int l = 0; l < codebooks.size(); l++) {
            Matrix c = codebooks.get(l);
            if (c.rows() != k || c.cols() != d)
                throw new IllegalArgumentException("codebook " + l + " is " + c.rows() + "×" + c.cols() + ", level 0's is " + k + "×" + d);
        }
    }

    /** The quantizer of these codebooks (level order; each K×d). The matrices are shared, not copied. */
    public static ResidualQuantizer of(List<Matrix> codebooks) { return new ResidualQuantizer(codebooks); }

    /** True when this JVM offers the Vector API at 256 bits or wider, where {@link #encode} beats PyTorch. */
    public static boolean simdFast() { return ResidualCodeSearch.fast(); }

    public int levels() { return codebooks.size(); }
    public int codebookSize() { return k; }
    public int dimension() { return d; }
    public Matrix codebook(int level) { return codebooks.get(level); }
    public List<Matrix> codebooks() { return codebooks; }

    /**
     * Codes of rows [from, to) of r (row-major, d columns) into codes[from..to); r's rows are
     * overwritten with their final residuals r_L. Exact argmin, the first code on ties; a row's
     * codes do not depend on the rows around it.
     */
    public void encode(float[] r, int from, int to, int[][] codes) {
        ResidualCodeSearch s = search;
        if (s == null) search = s = new ResidualCodeSearch(codebooks); // a benign race: equal, immutable tables
        s.search(r, from, to, codes);
    }

    /** Codes of every row of z (N×d); z is left as it is. */
    public int[][] encode(Matrix z) {
        int[][] codes = new int[z.rows()][];
        encode(z.data().clone(), 0, z.rows(), codes);
        return codes;
    }

    /** ẑ = Σ_l c_{l,k_l} for every row of codes (N×L), summed in level order. */
    public Matrix decode(int[][] codes) {
        Matrix q = Matrix.zeros(codes.length, d);
        float[] out = q.data();
        for (int i = 0; i < codes.length; i++)
            for (int l = 0; l < codes[i].length; l++) {
                float[] c = codebooks.get(l).data();
                for (int j = 0, co = codes[i][l] * d; j < d; j++) out[i * d + j] += c[co + j];
            }
        return q;
    }

    /** r_level = z − Σ_{l<level} c_{l,k_l} for one item, subtracted level by level as the search does. */
    public float[] residual(float[] z, int[] codes, int level) {
        float[] r = z.clone();
        for (int l = 0; l < level; l++) subtract(r, 0, codebooks.get(l).data(), codes[l] * d, d);
        return r;
    }

    /**
     * The tuples an item of latent z and these codes could take instead of its own, nearest first
     * (for a tuple with no dedup token left); nothing is computed until a rank is asked for.
     */
    public AlternativeTuples alternatives(float[] z, int[] codes) { return new AlternativeTuples(this, z, codes); }

    /** ||r − c_{level,k}||² for every code k of a level (K values), by the difference, not the expansion. */
    public float[] distances(int level, float[] r) {
        float[] c = codebooks.get(level).data(), out = new float[k];
        for (int code = 0; code < k; code++) {
            float s = 0;
            for (int j = 0; j < d; j++) {
                float e = r[j] - c[code * d + j];
                s += e * e;
            }
            out[code] = s;
        }
        return out;
    }

    /**
     * The second half of the residual step for a whole level, in place: r_i ← r_i − c_{k_i}, with
     * the codes chosen by the caller (k-means' assignment while the codebook is being fitted).
     */
    public static void subtractChosen(Matrix r, Matrix codebook, int[] codes) {
        int d = r.cols();
        float[] v = r.data(), c = codebook.data();
        for (int i = 0; i < r.rows(); i++) subtract(v, i * d, c, codes[i] * d, d);
    }

    private static void subtract(float[] r, int ro, float[] c, int co, int d) {
        for (int j = 0; j < d; j++) r[ro + j] -= c[co + j];
    }
}
