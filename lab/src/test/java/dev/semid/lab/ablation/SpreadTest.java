package dev.semid.lab.ablation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpreadTest {
    @Test void meanAndSampleDeviation() {
        Spread s = Spread.of(List.of(1.0, 2.0, 3.0));
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0, s.sd(), 1e-12); // sqrt((1 + 0 + 1) / (3 − 1))
        assertEquals("2.00 ± 1.00", s.format("%.2f"));
        assertEquals("5.0", Spread.of(List.of(5.0)).format("%.1f"), "one seed has no deviation to show");
        assertEquals("–", Spread.of(List.of()).format("%.1f"));
    }

    @Test void differencesInsideOneDeviationAreNoDifference() {
        Spread a = new Spread(0.50, 0.02, 3), b = new Spread(0.53, 0.04, 3), c = new Spread(0.60, 0.01, 3);
        assertEquals(0, a.compareBeyondSd(b), "0.03 apart, the larger deviation is 0.04");
        assertEquals(-1, a.compareBeyondSd(c));
        assertEquals(1, c.compareBeyondSd(a));
    }
}
