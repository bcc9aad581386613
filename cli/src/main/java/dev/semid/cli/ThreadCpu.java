package dev.semid.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of this process by thread group, between two snapshots: where the cores went during a
 * load run. Threads are grouped by name with digits dropped ("semid-tokenize-0" and "-1" are one
 * group), the embedded broker's threads together. What the JVM's own threads used (GC, JIT) is
 * the process's CPU time minus all Java threads'; threads that ended between the snapshots are
 * counted in that remainder.
 */
final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Long, String> names = new HashMap<>();
    private final Map<Long, Long> cpu = new HashMap<>();
    private final long process, wall;

    private ThreadCpu() {
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t == null) continue;
            long ns = THREADS.getThreadCpuTime(t.getThreadId());
            if (ns < 0) continue;
            names.put(t.getThreadId(), group(t.getThreadName()));
            cpu.put(t.getThreadId(), ns);
        }
        process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        wall = System.nanoTime();
    }

    static ThreadCpu now() { return new ThreadCpu(); }

    /** The in-process broker's threads as one group, the Kafka clients' I/O threads as another, the rest by name. */
    static String group(String thread) {
        if (thread.startsWith("kafka-producer-network-thread")) return "producers' I/O";
        if (thread.startsWith("kafka-coordinator-heartbeat-thread")) return "consumers' heartbeats";
        if (thread.startsWith("data-plane-kafka") || thread.startsWith("executor-") || thread.startsWith("ExpirationReaper")
                || thread.startsWith("kafka-") || thread.startsWith("controller-") || thread.startsWith("broker-")
                || thread.startsWith("raft-") || thread.startsWith("quorum-")) return "broker";
        return thread.replaceAll("\\d+", "#");
    }

    /** Cores used per group since {@code before}, largest first, groups under 0.02 cores left out. */
    String since(ThreadCpu before) {
        double seconds = (wall - before.wall) / 1e9;
        Map<String, Double> cores = new HashMap<>();
        double threads = 0;
        for (var e : cpu.entrySet()) {
            double used = (e.getValue() - before.cpu.getOrDefault(e.getKey(), 0L)) / 1e9 / seconds;
            cores.merge(names.get(e.getKey()), used, Double::sum);
            threads += used;
        }
        double total = (process - before.process) / 1e9 / seconds;
        cores.put("JVM (GC, JIT)", Math.max(0, total - threads));
        Map<String, Double> shown = cores.entrySet().stream().filter(e -> e.getValue() >= 0.02)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return String.format(Locale.ROOT, "%.2f cores: ", total)
                + shown.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }
}
