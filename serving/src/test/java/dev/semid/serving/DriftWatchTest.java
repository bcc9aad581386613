package dev.semid.serving;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.metrics.DriftReference;
import dev.semid.tokenizer.sid.CodeTuple;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The drift figures over a sliding window and the thresholds on them, without a stream around. */
class DriftWatchTest {
    static final DriftSettings SETTINGS = new DriftSettings(100, 1.5, 0.5, 4);

    /** n items spread over the codes of 2 levels × 8, each with squared error {@code error} per latent element (d = 2). */
    static void feed(DriftWatch w, int n, double error, boolean spread) {
        int[][] codes = new int[n][];
        float[] z = new float[2 * n], zHat = new float[2 * n];
        for (int i = 0; i < n; i++) {
            codes[i] = spread ? new int[] {i % 8, (i / 8) % 8} : new int[] {0, 0};
            z[2 * i] = (float) Math.sqrt(error);
            z[2 * i + 1] = (float) Math.sqrt(error);
        }
        w.tokenized(codes, new Matrix(n, 2, z), new Matrix(n, 2, zHat));
    }

    @Test void inDistributionItemsRaiseNothingAndShiftedOnesDo() {
        DriftWatch w = new DriftWatch(SETTINGS, new DriftReference(0.01, List.of(8.0, 8.0)), 2, 8);
        feed(w, 60, 0.012, true);
        w.check(true);
        assertEquals(0, w.alertCount(), "the window is not full yet: nothing is checked");
        feed(w, 60, 0.012, true);
        w.check(true);
        assertEquals(0, w.alertCount());
        assertEquals(1.2, w.errorRatio(), 1e-5);
        assertEquals(1.0, w.utilisation(0));
        assertEquals(8.0, w.perplexity(0), 0.1);
        feed(w, 100, 0.05, false); // a new distribution: larger error, every item on one code
        w.check(true);
        assertEquals(5.0, w.errorRatio(), 1e-4);
        assertEquals(1.0, w.perplexity(0), 1e-9);
        assertEquals(0.99, w.collisionRate(), 1e-9, "100 items, one tuple");
        Map<String, Object> r = w.report();
        @SuppressWarnings("unchecked") List<String> alerts = (List<String>) r.get("alerts");
        assertEquals(3, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).contains("5.00× the training items'"), alerts.toString());
        assertTrue(alerts.get(1).startsWith("level 1's code perplexity"), alerts.toString());
        feed(w, 100, 0.01, true);
        w.check(true);
        assertEquals(0, w.alertCount(), "back in distribution: the alerts are over");
    }

    @Test void aTupleRunningOutOfTokensIsAnAlertAndSpillsAreCounted() {
        DriftWatch w = new DriftWatch(SETTINGS, new DriftReference(null, null), 2, 8);
        w.assigned(CodeTuple.of(1, 1), 200, false);
        w.assigned(CodeTuple.of(2, 2), 5, false);
        w.check(true);
        assertEquals(0, w.alertCount());
        w.assigned(CodeTuple.of(2, 2), 3, false);
        w.assigned(CodeTuple.of(2, 3), 250, true);
        w.check(true);
        assertEquals(1, w.alertCount());
        assertEquals(3, w.fewestTokensLeft());
        assertEquals(0.25, w.spillRate());
        Map<String, Object> r = w.report();
        assertEquals(List.of(Map.of("tuple", "2-2", "tokensLeft", 3), Map.of("tuple", "1-1", "tokensLeft", 200), Map.of("tuple", "2-3", "tokensLeft", 250)),
                r.get("busiest"), "fewest tokens left first");
        assertNull(w.errorRatio(), "no reference: unknown");
        assertNotNull(((Map<?, ?>) r.get("quantizationError")).get("unknown"));
    }

    @Test void settingsAreCheckedOnce() {
        assertThrows(IllegalArgumentException.class, () -> new DriftSettings(0, 1.5, 0.5, 4));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new DriftSettings(10, 0.9, 0.5, 4)).getMessage()
                .contains("semid.drift.error-ratio"));
        assertThrows(IllegalArgumentException.class, () -> new DriftSettings(10, 1.5, 1.5, 4));
        assertThrows(IllegalArgumentException.class, () -> new DriftSettings(10, 1.5, 0.5, 300));
    }
}
