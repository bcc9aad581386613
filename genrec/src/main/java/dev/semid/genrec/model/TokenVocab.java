package dev.semid.genrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.genrec.data.ItemCodes;

/**
 * One embedding table for the tokens of every position: position p's token t has the row
 * {@code reserved + offset_p + t}, offset_p = Σ_{q<p} V_q; rows below {@code reserved} are
 * special (0: padding; TIGER's 1: begin-of-ID). Tokens of different positions never share a row.
 */
public final class TokenVocab {
    private final int reserved;
    private final int[] offset;
    private final int size;

    public TokenVocab(int[] vocab, int reserved) {
        this.reserved = reserved;
        this.offset = new int[vocab.length];
        int o = 0;
        for (int p = 0; p < vocab.length; p++) {
            offset[p] = o;
            o += vocab[p];
        }
        this.size = reserved + o;
    }

    /** Rows of the table, special ones included. */
    public int size() { return size; }

    public int row(int position, int token) { return reserved + offset[position] + token; }

    /** [items + 1, P] int64: row 0 is padding (all 0), row i + 1 the table rows of item i's tokens. */
    public NDArray itemRows(NDManager m, ItemCodes codes) {
        int p = codes.positions();
        long[] v = new long[(codes.items() + 1) * p];
        for (int i = 0; i < codes.items(); i++)
            for (int q = 0; q < p; q++) v[(i + 1) * p + q] = row(q, codes.token(i, q));
        return m.create(v, new Shape(codes.items() + 1, p));
    }

    /** [items, P] int64: the raw tokens (per-position vocabularies), the targets of the code head. */
    public static NDArray itemTokens(NDManager m, ItemCodes codes) {
        int p = codes.positions();
        long[] v = new long[codes.items() * p];
        for (int i = 0; i < codes.items(); i++)
            for (int q = 0; q < p; q++) v[i * p + q] = codes.token(i, q);
        return m.create(v, new Shape(codes.items(), p));
    }
}
