package dev.semid.lab.simulation;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class NearestSearchTest {
    static float[] gaussian(int n, int d, double mu, double sd, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) x[i] = (float) (mu + sd * dev.semid.tokenizer.data.Gaussian.sample(r));
        return x;
    }

    /** Both paths (tree, scan) against the plain scan: same index, same float distance, for every query. */
    static void assertExact(float[] points, int n, float[] queries, int m, int d) {
        int[] want = new int[m];
        float[] wantDist = new float[m];
        NearestSearch.bruteForce(points, n, queries, m, d, want, wantDist);
        NearestSearch s = NearestSearch.build(points, n, d);
        for (double share : new double[] {0, 2, NearestSearch.SCAN_SHARE}) {
            int[] got = new int[m];
            float[] gotDist = new float[m];
            s.nearest(queries, m, got, gotDist, share);
            for (int i = 0; i < m; i++) {
                assertEquals(want[i], got[i], "query " + i + ", share " + share);
                assertEquals(wantDist[i], gotDist[i], "query " + i + ", share " + share);
            }
        }
    }

    @Test void exactOnTheSimulationsShapes() {
        int d = 8, k = 3000, m = 1500;
        float[] q = gaussian(m, d, 8, 1, 1);
        assertExact(gaussian(k, d, 8, 1, 2), k, q, m, d);   // matched
        assertExact(gaussian(k, d, 4, 1, 3), k, q, m, d);   // in transit
        assertExact(gaussian(k, d, 0, 1, 4), k, q, m, d);   // all codes outside the cloud
        float[] collapsed = gaussian(k, d, 0, 1, 5);
        for (int j = 0; j < d; j++) collapsed[17 * d + j] = 8;
        assertExact(collapsed, k, q, m, d);
        assertExact(gaussian(k, d, 0, 3e4, 6), k, q, m, d); // EMA's flung-out codes
    }

    @Test void tiesGoToTheLowestIndexAndDuplicatesAreFine() {
        int d = 8, k = 400;
        float[] p = new float[k * d]; // 40 distinct points, each 10 times
        float[] base = gaussian(40, d, 0, 1, 9);
        for (int i = 0; i < k; i++) System.arraycopy(base, (i % 40) * d, p, i * d, d);
        float[] q = new float[200 * d];
        System.arraycopy(base, 0, q, 0, 40 * d);               // queries exactly on points: distance 0
        System.arraycopy(gaussian(160, d, 0, 1, 10), 0, q, 40 * d, 160 * d);
        assertExact(p, k, q, 200, d);
        int[] idx = new int[40];
        NearestSearch.build(p, k, d).nearest(q, 40, idx, null);
        for (int i = 0; i < 40; i++) assertEquals(i, idx[i]);
        float[] same = new float[50 * d];                        // every point identical
        assertExact(same, 50, gaussian(30, d, 0, 1, 11), 30, d);
    }

    @Test void otherDimensionsAndTinySets() {
        assertExact(gaussian(500, 3, 0, 1, 12), 500, gaussian(300, 3, 0.5, 1, 13), 300, 3);
        assertExact(gaussian(700, 13, 0, 1, 14), 700, gaussian(100, 13, 0, 2, 15), 100, 13);
        assertExact(gaussian(1, 8, 0, 1, 16), 1, gaussian(20, 8, 0, 1, 17), 20, 8);
        assertExact(gaussian(5, 1, 0, 1, 18), 5, gaussian(20, 1, 0, 1, 19), 20, 1);
    }

    @Test void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> NearestSearch.build(new float[8], 0, 8));
        assertThrows(IllegalArgumentException.class, () -> NearestSearch.build(new float[7], 1, 8));
        assertThrows(IllegalArgumentException.class, () -> NearestSearch.build(new float[] {Float.NaN}, 1, 1));
        NearestSearch s = NearestSearch.build(new float[8], 1, 8);
        assertThrows(IllegalArgumentException.class, () -> s.nearest(new float[7], 1, new int[1], null));
    }

    @Test void sampleStreamIsReproducibleAndHasTheRightMoments() {
        float[] a = SampleStream.gaussian(5, SampleStream.TRAIN, 3, 40_000, 8, 8);
        assertArrayEquals(a, SampleStream.gaussian(5, SampleStream.TRAIN, 3, 40_000, 8, 8));
        assertFalse(java.util.Arrays.equals(a, SampleStream.gaussian(5, SampleStream.TRAIN, 4, 40_000, 8, 8)));
        assertFalse(java.util.Arrays.equals(a, SampleStream.gaussian(5, SampleStream.EVAL, 3, 40_000, 8, 8)));
        double sum = 0, sq = 0;
        for (float v : a) { sum += v; sq += (v - 8.0) * (v - 8.0); }
        assertEquals(8.0, sum / a.length, 0.01);
        assertEquals(1.0, sq / a.length, 0.01);
    }
}
