package dev.semid.genrec.model;

import java.util.Arrays;

/**
 * A causal batch: each sequence s_1..s_n becomes the input s_1..s_{n−1} (left-padded) and the
 * targets s_2..s_n, one per input position; {@code positions} are the flat indices (b·T + t) of
 * the positions that have a target, {@code items} their targets.
 */
record Targets(Padded inputs, long[] positions, long[] items) {
    static Targets causal(java.util.List<int[]> batch, int maxHistory) {
        int[][] in = new int[batch.size()][];
        for (int b = 0; b < in.length; b++) {
            int[] s = batch.get(b);
            int n = Math.min(s.length, maxHistory + 1);
            in[b] = Arrays.copyOfRange(s, s.length - n, s.length - 1);
        }
        Padded p = Padded.left(in, maxHistory);
        int count = 0;
        for (int[] s : in) count += s.length;
        long[] pos = new long[count], items = new long[count];
        int t = p.length(), c = 0;
        for (int b = 0; b < in.length; b++) {
            int[] s = batch.get(b);
            int n = in[b].length;
            for (int j = 0; j < n; j++) {
                pos[c] = (long) b * t + (t - n + j);
                items[c++] = s[s.length - n + j];
            }
        }
        return new Targets(p, pos, items);
    }
}
