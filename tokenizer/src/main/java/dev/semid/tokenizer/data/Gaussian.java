package dev.semid.tokenizer.data;

import java.util.SplittableRandom;

/** Standard normal samples by Box–Muller from a seeded generator (reproducible across JVMs). */
public final class Gaussian {
    private Gaussian() {}

    public static double sample(SplittableRandom rnd) {
        double u1 = Math.max(rnd.nextDouble(), 1e-300), u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
