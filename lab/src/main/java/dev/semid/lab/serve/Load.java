package dev.semid.lab.serve;

import dev.semid.serving.kafka.Pace;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's load: sends items to its input topic and reads the output and dead-letter
 * topics on its own thread, recording when each item's ID arrived, per run ({@code <run>-<n>}
 * keys). A run's arrivals are an array dropped with the run, so the benchmark keeps no heap that
 * grows with the items streamed.
 */
final class Load implements AutoCloseable {
    private final String bs;
    private final boolean binary;
    private final PrintStream out;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    /** Items sent to the service so far: every one is a distinct vector (see {@link BenchItems}). */
    private long streamed;
    private int run = 0;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger deadLetters = new AtomicInteger();
    private final Thread reader;

    /** One run's arrivals (nanoTime; 0 = not yet), written by the reader thread alone, counted as they come. */
    private record Run(long[] at, AtomicInteger count) {
        Run(int n) { this(new long[n], new AtomicInteger()); }
    }

    /** Reads {@code topics} from their ends; values are sent as binary float32 or JSON; the per-second timeline goes to {@code out}. */
    Load(String bs, List<String> topics, boolean binary, PrintStream out) {
        this.bs = bs;
        this.binary = binary;
        this.out = out;
        KafkaConsumer<String, byte[]> c = KafkaClients.consumer(bs, topics);
        reader = Thread.ofPlatform().name("bench-reader").start(() -> {
            try (c) {
                while (running.get())
                    for (var r : c.poll(Duration.ofMillis(20))) {
                        long now = System.nanoTime();
                        int dash = r.key().indexOf('-');
                        Run run = runs.get(r.key().substring(0, dash + 1));
                        if (run == null) continue; // a run already given up on
                        int i = Integer.parseInt(r.key(), dash + 1, r.key().length(), 10);
                        if (run.at[i] != 0) continue; // re-published after a retry: the first arrival counts
                        run.at[i] = now;
                        run.count.incrementAndGet();
                        if (r.topic().equals("items-dlq")) deadLetters.incrementAndGet();
                    }
            }
        });
    }

    /** Items that arrived on the dead-letter topic so far. */
    int deadLetters() { return deadLetters.get(); }

    /** Items per second for {@code n} items sent at once, from the first send to the last arrival. */
    double burst(BenchItems payloads, int n) throws InterruptedException {
        String prefix = "b" + (run++) + "-";
        Run arrivals = open(prefix, n);
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(bs)) {
            for (int i = 0; i < n; i++) p.send(KafkaClients.record("items", prefix + i, payloads.payload(streamed++), binary));
        }
        while (arrivals.count.get() < n) Thread.sleep(20);
        runs.remove(prefix);
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * {achieved rate, p50 ms, p99 ms, max ms} for items sent at {@code rate} for {@code seconds};
     * with {@code cpu}, prints the p99 of each second's items, and what ran during the slowest seconds.
     */
    double[] paced(BenchItems payloads, int rate, int seconds, ThreadCpu cpu) throws InterruptedException {
        boolean timeline = cpu != null;
        String prefix = "p" + (run++) + "-";
        int n = rate * seconds;
        Run arrivals = open(prefix, n);
        long[] sent = new long[n];
        long t0;
        LocalTime wallStart;
        try (KafkaProducer<String, byte[]> p = KafkaClients.producer(bs)) {
            p.partitionsFor("items"); // metadata before the clock starts: a first send would wait for it, then catch up in a burst
            t0 = System.nanoTime();
            wallStart = LocalTime.now();
            for (int i = 0; i < n; i++) {
                Pace.await(t0, i, rate);
                sent[i] = System.nanoTime();
                p.send(KafkaClients.record("items", prefix + i, payloads.payload(streamed++), binary));
            }
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (arrivals.count.get() < n && System.nanoTime() < deadline) Thread.sleep(20);
        runs.remove(prefix);
        double[] lat = new double[n];
        long last = 0;
        for (int i = 0; i < n; i++) {
            long at = arrivals.at[i];
            lat[i] = at == 0 ? Double.POSITIVE_INFINITY : (at - sent[i]) / 1e6;
            last = Math.max(last, at);
        }
        if (timeline) LatencyTimeline.print(lat, rate, t0, wallStart, cpu, out);
        Arrays.sort(lat);
        return new double[] {n / ((last - t0) / 1e9), lat[n / 2], lat[(int) (n * 0.99)], lat[n - 1]};
    }

    private Run open(String prefix, int n) {
        Run r = new Run(n);
        runs.put(prefix, r);
        return r;
    }

    @Override public void close() throws InterruptedException {
        running.set(false);
        reader.join();
    }
}
