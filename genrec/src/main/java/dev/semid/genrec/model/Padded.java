package dev.semid.genrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.genrec.nn.Masks;

/**
 * Item sequences left-padded to one length T, so the most recent item is always at position
 * T − 1: {@code rows} holds item + 1 (0 = padding), {@code valid} which positions are items.
 */
record Padded(int batch, int length, long[] rows, boolean[][] valid) {
    /** The last {@code cap} items of each sequence (at least one position, even for an empty one). */
    static Padded left(int[][] seqs, int cap) {
        int t = 1;
        for (int[] s : seqs) t = Math.max(t, Math.min(cap, s.length));
        long[] rows = new long[seqs.length * t];
        boolean[][] valid = new boolean[seqs.length][t];
        for (int b = 0; b < seqs.length; b++) {
            int n = Math.min(cap, seqs[b].length);
            for (int j = 0; j < n; j++) {
                rows[b * t + t - n + j] = seqs[b][seqs[b].length - n + j] + 1L;
                valid[b][t - n + j] = true;
            }
        }
        return new Padded(seqs.length, t, rows, valid);
    }

    NDArray rows(NDManager m) { return m.create(rows, new Shape(batch, length)); }

    NDArray keyMask(NDManager m) { return Masks.keys(m, valid); }
}
