package dev.semid.lab.serve;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A paced run's latencies second by second: the p99 of each second's items, and for the slowest
 * seconds what ran in the process meanwhile (a busy process points at a CPU-bound stall such as
 * a merge or GC, an idle one at waiting).
 */
final class LatencyTimeline {
    static final int SLOW_SECOND_MS = 100, SLOW_SECONDS_SHOWN = 3;

    private LatencyTimeline() {}

    /**
     * Prints the p99 by second sent and the slow seconds' CPU; {@code lat} holds each item's
     * latency in ms in sending order (infinite: lost), {@code rate} items a second from {@code t0}.
     */
    static void print(double[] lat, int rate, long t0, LocalTime wallStart, ThreadCpu cpu, PrintStream out) {
        double[][] perSecond = bySecond(lat, rate);
        StringBuilder line = new StringBuilder();
        for (double[] sec : perSecond) line.append(' ').append(Double.isInfinite(sec[0]) ? "lost" : Long.toString(Math.round(sec[0])));
        // the wall-clock start lines the seconds up with GC logs and flight recordings
        out.println("  p99 by second sent (ms), from " + wallStart.truncatedTo(ChronoUnit.MILLIS) + ":" + line);
        slowSeconds(perSecond, t0, cpu, out);
    }

    /** {p99, max} of the latencies of each second's items (items are sent in order, {@code rate} a second). */
    private static double[][] bySecond(double[] lat, int rate) {
        double[][] out = new double[(lat.length + rate - 1) / rate][];
        for (int sec = 0; sec < out.length; sec++) {
            double[] s = Arrays.copyOfRange(lat, sec * rate, Math.min(lat.length, (sec + 1) * rate));
            Arrays.sort(s);
            out[sec] = new double[] {s[(int) (s.length * 0.99)], s[s.length - 1]};
        }
        return out;
    }

    /**
     * For the (at most {@value #SLOW_SECONDS_SHOWN}) slowest seconds whose p99 passed
     * {@value #SLOW_SECOND_MS} ms: the CPU by thread from that second's first send to its last
     * item's arrival.
     */
    private static void slowSeconds(double[][] seconds, long t0, ThreadCpu cpu, PrintStream out) {
        List<Integer> slow = new ArrayList<>();
        for (int sec = 0; sec < seconds.length; sec++)
            if (seconds[sec][0] > SLOW_SECOND_MS && !Double.isInfinite(seconds[sec][0])) slow.add(sec);
        slow.sort((a, b) -> Double.compare(seconds[b][0], seconds[a][0]));
        for (int sec : slow.subList(0, Math.min(SLOW_SECONDS_SHOWN, slow.size()))) {
            double waited = Double.isInfinite(seconds[sec][1]) ? seconds[sec][0] : seconds[sec][1]; // a lost item: up to the p99
            long from = t0 + sec * 1_000_000_000L, to = from + 1_000_000_000L + (long) (waited * 1e6);
            out.printf(Locale.ROOT, "  second %d (p99 %.0f ms): %s%n", sec + 1, seconds[sec][0], cpu.window(from, to));
        }
    }
}
