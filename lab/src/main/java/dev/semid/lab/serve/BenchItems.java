package dev.semid.lab.serve;

import java.util.Random;

/**
 * An endless stream of distinct item payloads made from a finite catalogue, for load runs of
 * millions of items. Item k is catalogue vector i = k mod N with, from the second pass on
 * (t = k / N ≥ 1), the signs of {@value #FLIPS} of its dimensions flipped (d/8 for d < 384), a
 * set drawn per pass:
 * x' = x − 2 Σ_{j∈S_t} x_j e_j, for unit-norm MiniLM vectors a move of about
 * 2·√(FLIPS/d) ≈ 0.7 of their length. Plain tiling repeats each vector: after a few hundred
 * passes most code tuples are out of dedup tokens and the run measures spilling.
 * Measured on Beauty over 1.5 M items (RQ-KMeans 3 × 256): tuples over 256 items took 1.8 % of
 * the items with 12 flips, 1.1 % with 24, 0.4 % with 48. Flipping signs works on the encoded bytes (the float's sign bit;
 * in JSON a '-' put in or taken out), so a payload costs a copy, not a re-encoding.
 */
final class BenchItems {
    static final int FLIPS = 48;
    /** Flip sets, drawn at random; passes beyond repeat them (N × 4,096 distinct items where the sets differ, as for d ≥ 64). */
    private static final int SETS = 4096;

    private final byte[][] base;
    /** JSON: offset of each embedding number in base[i]; null for binary float32 (number j at 4j). */
    private final int[][] numbers;
    private final int[][] flips = new int[SETS][];
    private final int flipsPerItem;

    BenchItems(byte[][] base, boolean json, int dimension) {
        this.base = base;
        this.numbers = json ? new int[base.length][] : null;
        if (json) for (int i = 0; i < base.length; i++) numbers[i] = numberOffsets(base[i], dimension);
        flipsPerItem = Math.max(1, Math.min(FLIPS, dimension / 8)); // a set of distinct dimensions: fewer than d
        Random r = new Random(7);
        for (int s = 0; s < SETS; s++) flips[s] = r.ints(0, dimension).distinct().limit(flipsPerItem).sorted().toArray();
    }

    /** Dimensions whose signs are flipped in items after the first pass. */
    int flipsPerItem() { return flipsPerItem; }

    /** The payload of item k (k ≥ 0). */
    byte[] payload(long k) {
        int i = (int) (k % base.length);
        long pass = k / base.length;
        if (pass == 0) return base[i];
        int[] s = flips[(int) ((pass - 1) % SETS)];
        return numbers == null ? flipBinary(base[i], s) : flipJson(base[i], numbers[i], s);
    }

    private static byte[] flipBinary(byte[] v, int[] dims) {
        byte[] out = v.clone();
        for (int j : dims) out[4 * j + 3] ^= (byte) 0x80; // little-endian: the sign bit is in the last byte
        return out;
    }

    private static byte[] flipJson(byte[] v, int[] at, int[] dims) {
        byte[] out = new byte[v.length + dims.length];
        int from = 0, to = 0;
        for (int j : dims) {
            int n = at[j];
            System.arraycopy(v, from, out, to, n - from);
            to += n - from;
            if (v[n] == '-') from = n + 1; // drop the sign
            else {
                out[to++] = '-';
                from = n;
            }
        }
        System.arraycopy(v, from, out, to, v.length - from);
        to += v.length - from;
        return to == out.length ? out : java.util.Arrays.copyOf(out, to);
    }

    /** Where each of the {@code dimension} numbers of {@code "embedding":[…]} starts. */
    static int[] numberOffsets(byte[] json, int dimension) {
        String key = "\"embedding\":[";
        int p = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(key);
        if (p < 0) throw new IllegalArgumentException("no \"embedding\" array in the payload");
        int[] at = new int[dimension];
        p += key.length();
        for (int j = 0; j < dimension; j++) {
            at[j] = p;
            while (json[p] != ',' && json[p] != ']') p++;
            p++;
        }
        return at;
    }
}
