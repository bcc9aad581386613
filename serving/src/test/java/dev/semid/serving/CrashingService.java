package dev.semid.serving;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service in its own process, halted (no shutdown hooks, nothing flushed: a crash) the n-th
 * time the stream passes a step of its commit protocol: {@code -Dsemid.crash.at=INDEX_COMMITTED}
 * {@code -Dsemid.crash.after=3}; configured otherwise by system properties, as {@link SemidServer#main}.
 */
public final class CrashingService {
    /** The exit status of a halted service, as of a SIGKILLed one. */
    static final int HALTED = 137;

    private CrashingService() {}

    public static void main(String[] args) {
        StreamProbe.Point at = StreamProbe.Point.valueOf(System.getProperty("semid.crash.at"));
        int after = Integer.getInteger("semid.crash.after", 1);
        AtomicInteger passed = new AtomicInteger();
        SemidServer.start(Map.of(), (StreamProbe) p -> {
            if (p == at && passed.incrementAndGet() == after) {
                System.out.println("crash at " + p + " #" + after);
                System.out.flush();
                Runtime.getRuntime().halt(HALTED);
            }
        });
    }
}
