package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dead-code reset: codes no item chose during an epoch are moved onto residuals r_l of random
 * training items, and their optimizer moments are cleared, so every code is back in play next
 * epoch. Levels whose codebook is a shared transform (GRIT) are left alone.
 */
final class DeadCodeReset {
    /** Residuals are drawn from one forward pass over at most this many random training items. */
    private static final int SAMPLE = 4096;

    private final RqVaeNetwork net;
    private final List<List<AdamW>> codebookOptimizers;
    private final int latentDim;

    /** {@code codebookOptimizers.get(l).get(0)} updates level l's codes. */
    DeadCodeReset(RqVaeNetwork net, List<List<AdamW>> codebookOptimizers, int latentDim) {
        this.net = net;
        this.codebookOptimizers = codebookOptimizers;
        this.latentDim = latentDim;
    }

    /** Resets every code whose {@code usage[level][code]} count is 0; returns how many were reset. */
    int apply(NDArray xTrain, int[][] usage, SplittableRandom rnd) {
        int levels = usage.length;
        int total = 0;
        List<int[]> dead = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            List<Integer> d = new ArrayList<>();
            if (net.codebooks.get(l).resettable())
                for (int k = 0; k < usage[l].length; k++) if (usage[l][k] == 0) d.add(k);
            dead.add(d.stream().mapToInt(Integer::intValue).toArray());
            total += d.size();
        }
        if (total == 0) return 0;
        long rows = xTrain.getShape().get(0);
        int sample = (int) Math.min(rows, SAMPLE);
        int[] pick = new int[sample];
        for (int i = 0; i < sample; i++) pick[i] = rnd.nextInt((int) rows);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ForwardPass f = net.forward(xTrain.get(xTrain.getManager().create(pick)));
            for (int l = 0; l < levels; l++) {
                int[] codes = dead.get(l);
                if (codes.length == 0) continue;
                float[] res = f.residuals().get(l).stopGradient().toFloatArray();
                int d = latentDim;
                TrainableCodebook cb = net.codebooks.get(l);
                float[] book = cb.current().stopGradient().toFloatArray();
                for (int k : codes) {
                    int src = rnd.nextInt(sample);
                    System.arraycopy(res, src * d, book, k * d, d);
                }
                cb.assign(book);
                codebookOptimizers.get(l).get(0).resetRows(codes);
            }
        }
        return total;
    }
}
