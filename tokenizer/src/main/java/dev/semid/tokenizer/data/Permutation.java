package dev.semid.tokenizer.data;

import java.util.SplittableRandom;

/** A uniformly random order of 0..n−1 (Fisher–Yates), reproducible from the generator's seed: how trainers shuffle. */
public final class Permutation {
    private Permutation() {}

    public static int[] of(int n, SplittableRandom rnd) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }

    /** m of the indices 0..n−1 drawn uniformly without replacement (partial Fisher–Yates), in increasing order. */
    public static int[] sample(int n, int m, SplittableRandom rnd) {
        if (m > n) throw new IllegalArgumentException("cannot sample " + m + " of " + n);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int[] pick = new int[m];
        for (int i = 0; i < m; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
            pick[i] = perm[i];
        }
        java.util.Arrays.sort(pick);
        return pick;
    }
}
