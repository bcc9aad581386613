package dev.semid.tokenizer.quantize;

/** Squared Euclidean distance kernels; four accumulators so the JIT can pipeline the loop. */
final class Distances {
    private Distances() {}

    static float squared(float[] a, int ao, float[] b, int bo, int d) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < d; i += 4) {
            float e0 = a[ao + i] - b[bo + i], e1 = a[ao + i + 1] - b[bo + i + 1];
            float e2 = a[ao + i + 2] - b[bo + i + 2], e3 = a[ao + i + 3] - b[bo + i + 3];
            s0 += e0 * e0; s1 += e1 * e1; s2 += e2 * e2; s3 += e3 * e3;
        }
        for (; i < d; i++) {
            float e = a[ao + i] - b[bo + i];
            s0 += e * e;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Index of the nearest of the k rows of {@code centers} to row {@code ao} of {@code a}; ties go to the lower index. */
    static int nearest(float[] a, int ao, float[] centers, int k, int d) {
        int best = 0;
        float bestD = Float.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            float dist = squared(a, ao, centers, c * d, d);
            if (dist < bestD) { bestD = dist; best = c; }
        }
        return best;
    }
}
