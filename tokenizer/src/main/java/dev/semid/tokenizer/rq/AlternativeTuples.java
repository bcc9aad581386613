package dev.semid.tokenizer.rq;

import java.util.Arrays;

/**
 * The code tuples one item could take, nearest first, for when its own tuple has no dedup token
 * left. Rank 0 is the item's own codes k_1..k_L; then
 * <ol>
 *   <li>ranks 1..K−1: its prefix k_1..k_{L−1} with each other last-level code k, by
 *       ||r_{L−1} − c_{L,k}||² ascending (r_l: the residual before level l, counted from 0);</li>
 *   <li>ranks K..2K−2 (only when L ≥ 2): each other code k' of level L−1 by
 *       ||r_{L−2} − c_{L−1,k'}||² ascending, followed by the last-level code nearest to
 *       r_{L−2} − c_{L−1,k'}.</li>
 * </ol>
 * Ties go to the smaller code. The distances are {@link ResidualQuantizer#distances} of
 * {@link ResidualQuantizer#residual}s: plain Java arithmetic in a fixed order, so the ranking is a
 * function of z and the codes alone, whatever engine or batch produced them, and the batch path
 * and the service rank alike. Each part is computed when first asked for; most items never are.
 * Not thread-safe (one item, one caller).
 */
public final class AlternativeTuples {
    private final ResidualQuantizer q;
    private final float[] z;
    private final int[] codes;
    private final int k, last;
    private int[] lastLevel, levelAbove; // other codes, nearest first

    AlternativeTuples(ResidualQuantizer q, float[] z, int[] codes) {
        if (codes.length != q.levels())
            throw new IllegalArgumentException(codes.length + " codes for a quantizer of " + q.levels() + " levels");
        if (z.length != q.dimension())
            throw new IllegalArgumentException("latent of dimension " + z.length + ", the quantizer's is " + q.dimension());
        this.q = q;
        this.z = z;
        this.codes = codes.clone();
        this.k = q.codebookSize();
        this.last = q.levels() - 1;
    }

    /** Tuples in the ranking, the item's own included. */
    public int size() { return last == 0 ? k : 2 * k - 1; }

    /** The codes of the tuple at {@code rank} (a new array), or null past the last. */
    public int[] tuple(int rank) {
        if (rank < 0) throw new IllegalArgumentException("negative rank " + rank);
        if (rank >= size()) return null;
        int[] t = codes.clone();
        if (rank == 0) return t;
        if (rank < k) {
            if (lastLevel == null) lastLevel = othersByDistance(last, q.residual(z, codes, last), codes[last]);
            t[last] = lastLevel[rank - 1];
            return t;
        }
        if (levelAbove == null) levelAbove = othersByDistance(last - 1, q.residual(z, codes, last - 1), codes[last - 1]);
        t[last - 1] = levelAbove[rank - k];
        t[last] = nearest(q.distances(last, q.residual(z, t, last)));
        return t;
    }

    /** The codes of a level other than {@code own}, by distance to r ascending, ties by code. */
    private int[] othersByDistance(int level, float[] r, int own) {
        float[] d = q.distances(level, r);
        // distances are sums of squares (≥ +0), whose float bits order like the values
        long[] keys = new long[d.length - 1];
        for (int code = 0, i = 0; code < d.length; code++)
            if (code != own) keys[i++] = (long) Float.floatToIntBits(d[code]) << 32 | code;
        Arrays.sort(keys);
        int[] out = new int[keys.length];
        for (int i = 0; i < keys.length; i++) out[i] = (int) keys[i];
        return out;
    }

    private static int nearest(float[] d) {
        int best = 0;
        for (int code = 1; code < d.length; code++) if (d[code] < d[best]) best = code;
        return best;
    }
}
