package dev.semid.serving.kafka;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate-limited sending: never more than the slack ahead of schedule, woken in groups rather than per record. */
class PaceTest {
    @Test void noRecordGoesOutMoreThanTheSlackEarly() {
        int n = 3_000;
        double rate = 10_000;
        long t0 = System.nanoTime(), worst = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            Pace.await(t0, i, rate);
            long due = t0 + (long) (i / rate * 1e9);
            worst = Math.max(worst, due - System.nanoTime()); // how early this one went
        }
        assertTrue(worst <= Pace.SLACK_NANOS, "a record went " + worst / 1e6 + " ms early");
        assertTrue(System.nanoTime() - t0 >= (long) ((n - 1) / rate * 1e9) - Pace.SLACK_NANOS, "the run kept the rate");
    }
}
