package dev.semid.eval.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class PairedBootstrapTest {
    private static final PairedBootstrap B = new PairedBootstrap(1000, 0.95, 7);

    private static double[] bernoulli(int n, double p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble() < p ? 1 : 0;
        return v;
    }

    @Test void identicalSystemsGiveAZeroInterval() {
        double[] a = bernoulli(2000, 0.3, 1);
        PairedBootstrap.Interval i = B.differences(new double[][] {a}, new double[][] {a.clone()}).get(0);
        assertEquals(0.0, i.difference());
        assertEquals(0.0, i.lower());
        assertEquals(0.0, i.upper());
        assertFalse(i.excludesZero());
    }

    @Test void equallyGoodIndependentSystemsGiveAnIntervalAroundZero() {
        PairedBootstrap.Interval i = B.differences(new double[][] {bernoulli(2000, 0.3, 1)},
                new double[][] {bernoulli(2000, 0.3, 2)}).get(0);
        assertTrue(i.lower() < 0 && i.upper() > 0, i.toString());
        assertTrue(i.upper() - i.lower() < 0.07, "width about 2·1.96·sqrt(2·0.21/2000) = 0.057: " + i);
    }

    @Test void aClearlyBetterSystemGivesAnIntervalAboveZero() {
        double[] a = bernoulli(2000, 0.3, 1), b = a.clone();
        for (int u = 0; u < b.length; u += 5) b[u] = 1; // b hits everything a hits, and more
        List<PairedBootstrap.Interval> is = B.differences(new double[][] {a, b}, new double[][] {b, a});
        PairedBootstrap.Interval better = is.get(0), worse = is.get(1);
        assertTrue(better.lower() > 0 && better.excludesZero(), better.toString());
        assertTrue(better.lower() <= better.difference() && better.difference() <= better.upper());
        assertEquals(-better.difference(), worse.difference(), 1e-15);
        assertTrue(worse.upper() < 0, worse.toString());
    }

    @Test void theSameSeedGivesTheSameInterval() {
        double[][] a = {bernoulli(500, 0.3, 1)}, b = {bernoulli(500, 0.4, 2)};
        assertEquals(B.differences(a, b), B.differences(a, b));
    }

    @Test void quantilesInterpolateBetweenOrderStatistics() {
        double[] s = {0, 10, 20, 30, 40};
        assertEquals(0, PairedBootstrap.quantile(s, 0));
        assertEquals(40, PairedBootstrap.quantile(s, 1));
        assertEquals(25, PairedBootstrap.quantile(s, 0.625));
    }

    @Test void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(10, 0.95, 1));
        assertThrows(IllegalArgumentException.class, () -> new PairedBootstrap(1000, 1.0, 1));
    }
}
