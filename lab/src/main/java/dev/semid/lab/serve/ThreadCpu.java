package dev.semid.lab.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time of this process by thread group during a load run: where the cores went. Every OS
 * thread of the process is read from {@code /proc/self/task} twice a second, so the JVM's own
 * threads (GC, JIT), native ones (PyTorch) and threads that end during the run (Lucene merges)
 * are counted under their names. Threads are grouped by name with digits dropped
 * ("semid-tokenize-0" and "-1" are one group; Linux keeps the first 15 characters), the embedded
 * broker's threads together. Where {@code /proc} is missing, nothing is reported.
 */
final class ThreadCpu implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long SAMPLE_MS = 500;
    /** Clock ticks per second of {@code /proc} CPU times (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100;

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> first = new HashMap<>(), last = new HashMap<>();
    /** Every sample: its time and each thread's ticks then, for the CPU of a window ({@link #window}). */
    private final java.util.List<Map.Entry<Long, Map<Long, Long>>> history = new java.util.ArrayList<>();
    private final long start = System.nanoTime();
    private final Thread sampler;
    private volatile boolean running = true;

    private ThreadCpu() {
        sample(true);
        sampler = Thread.ofPlatform().daemon().name("bench-cpu-sampler").start(() -> {
            while (running) {
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
                sample(false);
            }
        });
    }

    /** Starts sampling; {@link #report} gives the cores used since. */
    static ThreadCpu start() { return new ThreadCpu(); }

    private synchronized void sample(boolean initial) {
        if (!Files.isDirectory(TASKS)) return;
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String[] f = stat.substring(close + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                    long tid = Long.parseLong(t.getFileName().toString());
                    names.putIfAbsent(tid, group(stat.substring(open + 1, close)));
                    if (initial) first.put(tid, ticks);
                    else first.putIfAbsent(tid, 0L); // started during the run: all its time counts
                    last.put(tid, ticks);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended between the listing and the read: its last sample stands
                }
            });
        } catch (IOException e) {
            // no /proc: nothing to report
        }
        history.add(Map.entry(System.nanoTime(), new HashMap<>(last)));
    }

    /** The in-process broker's threads as one group, the Kafka clients' I/O threads as another, the JVM's own by role, the rest by name. */
    static String group(String thread) {
        if (thread.startsWith("kafka-producer-")) return "producers' I/O";
        if (thread.startsWith("kafka-coordinat")) return "consumers' heartbeats";
        if (thread.startsWith("data-plane-kafk") || thread.startsWith("executor-") || thread.startsWith("ExpirationReape")
                || thread.startsWith("kafka-") || thread.startsWith("controller-") || thread.startsWith("broker-")
                || thread.startsWith("raft-") || thread.startsWith("quorum-")) return "broker";
        if (thread.startsWith("GC Thread") || thread.startsWith("G1 ") || thread.startsWith("VM Thread")) return "GC";
        if (thread.startsWith("C1 CompilerThre") || thread.startsWith("C2 CompilerThre")) return "JIT";
        if (thread.startsWith("Lucene Merge")) return "Lucene merges";
        return thread.replaceAll("\\d+", "#");
    }

    /** Cores used per group since the start, largest first, groups under 0.02 cores left out. */
    String report() {
        sample(false);
        synchronized (this) {
            return format(first, last, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Cores per group between the samples around [{@code fromNanos}, {@code toNanos}] (System.nanoTime),
     * i.e. within half a second of the window: what ran while, say, one slow second's items waited.
     */
    synchronized String window(long fromNanos, long toNanos) {
        Map.Entry<Long, Map<Long, Long>> a = null, b = null;
        for (var h : history) {
            if (h.getKey() <= fromNanos || a == null) a = h;
            if (b == null && h.getKey() >= toNanos) b = h;
        }
        if (b == null && !history.isEmpty()) b = history.get(history.size() - 1);
        if (a == null || b == null || b.getKey() <= a.getKey()) return "not measured";
        return format(a.getValue(), b.getValue(), (b.getKey() - a.getKey()) / 1e9);
    }

    private String format(Map<Long, Long> from, Map<Long, Long> to, double seconds) {
        Map<String, Double> cores = new HashMap<>();
        double total = 0;
        for (var e : to.entrySet()) {
            double used = (e.getValue() - from.getOrDefault(e.getKey(), 0L)) / TICKS / seconds;
            cores.merge(names.get(e.getKey()), used, Double::sum);
            total += used;
        }
        if (cores.isEmpty()) return "not measured (no /proc/self/task)";
        Map<String, Double> shown = cores.entrySet().stream().filter(e -> e.getValue() >= 0.02)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, LinkedHashMap::new));
        return String.format(Locale.ROOT, "%.2f cores: ", total)
                + shown.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    @Override public void close() {
        running = false;
        sampler.interrupt();
    }
}
