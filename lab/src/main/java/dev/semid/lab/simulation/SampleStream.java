package dev.semid.lab.simulation;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Samples z ~ N(μ·1, I) by Marsaglia's polar method: for (u, v) uniform in the unit disc minus
 * 0, s = u² + v², both u·f and v·f with f = sqrt(−2 ln s / s) are standard normal. Each block of
 * values has its own generator seeded from (seed, stream, step, block), so a step's samples are
 * the same whatever the thread count, and every method sees the same samples.
 */
final class SampleStream {
    static final int TRAIN = 1, EVAL = 2, INIT = 3;
    private static final int BLOCK = 16_384; // values per generator (even)

    private SampleStream() {}

    static float[] gaussian(long seed, int stream, long step, int rows, int dim, double shift) {
        float[] out = new float[rows * dim];
        int blocks = (out.length + BLOCK - 1) / BLOCK;
        IntStream.range(0, blocks).parallel().forEach(b -> {
            SplittableRandom r = new SplittableRandom(mix(seed, stream, step, b));
            int end = Math.min(out.length, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < end; i += 2) {
                double u, v, s;
                do {
                    u = 2 * r.nextDouble() - 1;
                    v = 2 * r.nextDouble() - 1;
                    s = u * u + v * v;
                } while (s >= 1 || s == 0);
                double f = Math.sqrt(-2 * Math.log(s) / s);
                out[i] = (float) (shift + u * f);
                if (i + 1 < end) out[i + 1] = (float) (shift + v * f);
            }
        });
        return out;
    }

    private static long mix(long seed, int stream, long step, int block) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = (h ^ (h >>> 31)) + stream * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ (h >>> 29)) + step * 0x165667B19E3779F9L;
        h = (h ^ (h >>> 32)) + block * 0x27D4EB2F165667C5L;
        return h ^ (h >>> 33);
    }
}
