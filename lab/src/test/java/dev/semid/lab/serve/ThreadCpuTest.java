package dev.semid.lab.serve;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attribution of CPU time to thread groups, threads that end during the run included. */
class ThreadCpuTest {
    private static double cores(String report, String group) {
        Matcher m = Pattern.compile(Pattern.quote(group) + " (\\d+\\.\\d+)").matcher(report);
        assertTrue(m.find(), group + " missing from: " + report);
        return Double.parseDouble(m.group(1));
    }

    private static Thread spin(String name, long millis) {
        return Thread.ofPlatform().name(name).start(() -> {
            long end = System.nanoTime() + millis * 1_000_000L, x = 0;
            while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + System.nanoTime());
            if (x == 42) System.out.print("");
        });
    }

    @Test void busyAndEndedThreadsAreCountedUnderTheirGroups() throws Exception {
        String report;
        try (ThreadCpu cpu = ThreadCpu.start()) {
            Thread busy = spin("spinner-1", 1_600), ended = spin("brief-7", 900);
            ended.join();
            busy.join();
            report = cpu.report();
        }
        assertTrue(cores(report, "spinner-#") > 0.2, report);
        assertTrue(cores(report, "brief-#") > 0.05, "a thread that ended before the report still counts: " + report);
    }

    @Test void aWindowShowsWhatRanThenOnly() throws Exception {
        String early, late;
        try (ThreadCpu cpu = ThreadCpu.start()) {
            long t0 = System.nanoTime();
            Thread.sleep(1_200);
            long t1 = System.nanoTime();
            Thread.sleep(700); // windows reach to the samples around them, half a second apart
            spin("late-1", 1_500).join();
            Thread.sleep(600); // a sample after the spin
            early = cpu.window(t0, t1);
            late = cpu.window(t1 + 1_100_000_000L, t1 + 2_000_000_000L);
        }
        assertTrue(!early.contains("late-#"), "nothing of the later thread in the earlier window: " + early);
        // a whole core when the machine is free; under other load (0.19 seen beside three trainings) less, but it shows
        assertTrue(cores(late, "late-#") > 0.05, late);
    }

    @Test void groupsBrokerJvmAndMergeThreads() {
        assertEquals("broker", ThreadCpu.group("data-plane-kafk"));
        assertEquals("producers' I/O", ThreadCpu.group("kafka-producer-"));
        assertEquals("GC", ThreadCpu.group("GC Thread#3"));
        assertEquals("JIT", ThreadCpu.group("C2 CompilerThre"));
        assertEquals("Lucene merges", ThreadCpu.group("Lucene Merge Th"));
        assertEquals("semid-tokenize-#", ThreadCpu.group("semid-tokenize-1"));
    }
}
