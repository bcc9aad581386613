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
}
