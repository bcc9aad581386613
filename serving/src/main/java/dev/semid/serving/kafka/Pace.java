package dev.semid.serving.kafka;

import java.util.concurrent.locks.LockSupport;

/**
 * Rate-limited sending: waits until record {@code sent} is due at {@code rate} a second from
 * {@code t0}, or returns at once when it is due within {@link #SLACK_NANOS}. A sleep per record
 * costs a timer system call each (a tenth of a core at 10,000 records/s, taken from the service
 * the benchmark measures) and oversleeps by the timer slack; waking at most every millisecond
 * sends what falls due in it together, which the producer's linger batches anyway.
 */
public final class Pace {
    /** A record due sooner than this is sent at once. */
    public static final long SLACK_NANOS = 1_000_000;

    private Pace() {}

    public static void await(long t0, long sent, double rate) {
        long due = t0 + (long) (sent / rate * 1e9);
        for (long wait; (wait = due - System.nanoTime()) > SLACK_NANOS; ) // parkNanos may return early
            LockSupport.parkNanos(wait);
    }
}
