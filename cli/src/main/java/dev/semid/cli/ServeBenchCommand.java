package dev.semid.cli;

import dev.semid.serving.SemidServer;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service under load, everything in this process on this machine (broker, service, load):
 * raw Kafka produce → consume of the same payloads as the ceiling, then the service's sustained
 * items/s, then produce → output-topic latency (p50/p99) at fixed rates.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Load benchmark of the streaming service on an embedded broker: sustained items/s and produce → output latency.")
final class ServeBenchCommand implements Callable<Integer> {
    static final int WARMUP_MIN_SECONDS = 30, WARMUP_SLICE_SECONDS = 10, WARMUP_RATE = 5_000;
    /** The JIT counts as settled when it compiled for less than this share of one core over the last slice. */
    static final double JIT_SETTLED = 0.05;
    @Option(names = "--input", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE") Path input;
    @Option(names = "--items", defaultValue = "150000", description = "Items per burst for the sustained figure (every item a distinct vector, see BenchItems) (default ${DEFAULT-VALUE}).")
    int items;
    @Option(names = "--repeats", defaultValue = "3", description = "Bursts for the sustained figure; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--warmup-seconds", defaultValue = "300",
            description = "At most this many seconds of streaming at 5,000 items/s before measuring, not counted; it ends sooner, after "
                    + WARMUP_MIN_SECONDS + " s or more, once the JIT compiler has settled (under 5%% of a core over " + WARMUP_SLICE_SECONDS
                    + " s): with a broker in the process that took three to four minutes here (default ${DEFAULT-VALUE}; 0 = none).")
    int warmupSeconds;
    @Option(names = "--rates", defaultValue = "2000,5000,10000", split = ",", description = "Rates for the latency runs (default ${DEFAULT-VALUE}).")
    List<Integer> rates;
    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per latency run (default ${DEFAULT-VALUE}).") int seconds;
    @Option(names = "--binary", description = "Binary float32 values instead of JSON.") boolean binary;
    @Option(names = "--work", defaultValue = "runs/bench-serve", paramLabel = "DIR") Path work;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Service settings, as for `semid serve --set`.")
    Map<String, String> extra = new HashMap<>();

    private int run = 0;

    @Override public Integer call() throws Exception {
        if (items < 1 || repeats < 1 || seconds < 1 || warmupSeconds < 0)
            throw new IllegalArgumentException("--items, --repeats and --seconds must be >= 1 and --warmup-seconds >= 0");
        deleteTree(work);
        EmbeddingSet set = EmbeddingReader.read(input, null, 1);
        Path model = work.resolve("model");
        ModelArtifact.save(new RqKMeansTrainer(new RqKMeansConfig(3, 256, 5, false, false, 1), TrainingListener.NONE).train(set.vectors()), model);
        byte[][] base = new byte[set.size()][];
        for (int i = 0; i < set.size(); i++) base[i] = binary ? binary(set.vectors().row(i)) : ProduceCommand.json(null, set.vectors().row(i), null); // the key is the id
        BenchItems payloads = new BenchItems(base, !binary, set.dimension());
        System.out.printf(Locale.ROOT, "bench serve: %s, %d-d, %s values of ~%d bytes, %d cores, broker + service + load in one process%n",
                input.getFileName(), set.dimension(), binary ? "binary" : "JSON", base[0].length, Runtime.getRuntime().availableProcessors());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(work.resolve("kafka"))) {
            String bs = kafka.bootstrapServers();
            createTopic(bs, "raw", 8);
            createTopic(bs, "items", 8);
            Map<String, Object> props = new HashMap<>(extra);
            props.put("kafka.bootstrap.servers", bs);
            props.put("semid.model", model.toString());
            props.put("semid.index", work.resolve("index").toString());
            props.put("micronaut.server.port", -1);
            try (SemidServer server = SemidServer.start(props)) {
                while (server.engine().claimPartitions() == 0) Thread.sleep(100); // topics made, partitions owned
                try (Load load = new Load(bs, List.of("semantic-ids", "items-dlq"))) {
                    warmUp(load, bs, payloads);
                    // measured hot, like the service: the same broker, its code compiled by the warm-up
                    double raw = rawKafka(bs, payloads);
                    System.out.printf(Locale.ROOT, "raw Kafka produce → consume, same payloads: %,.0f items/s (the ceiling)%n", raw);
                    measure(load, bs, payloads, raw, server.context().getBean(dev.semid.serving.StreamMetrics.class));
                    if (load.deadLetters.get() > 0)
                        System.out.printf(Locale.ROOT, "%,d items went to the dead-letter topic (their code tuples ran out of dedup tokens)%n",
                                load.deadLetters.get());
                }
                System.out.println("service: " + server.context().getBean(dev.semid.serving.StreamMetrics.class).timings());
            }
        }
        return 0;
    }

    /**
     * Streams at {@value #WARMUP_RATE} items/s in slices until the JIT has settled or the time is up:
     * figures taken while the compiler still takes a share of the two cores are not the service's.
     */
    private void warmUp(Load load, String bs, BenchItems payloads) throws InterruptedException {
        if (warmupSeconds == 0) return;
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        int elapsed = 0;
        double share = Double.NaN, achieved = 0;
        while (elapsed < warmupSeconds) {
            int slice = Math.min(WARMUP_SLICE_SECONDS, warmupSeconds - elapsed);
            long c0 = jit.getTotalCompilationTime(), t0 = System.nanoTime();
            achieved = load.paced(bs, payloads, WARMUP_RATE, slice, null)[0];
            share = (jit.getTotalCompilationTime() - c0) / ((System.nanoTime() - t0) / 1e6);
            elapsed += slice;
            if (elapsed >= WARMUP_MIN_SECONDS && share < JIT_SETTLED) break;
        }
        System.out.printf(Locale.ROOT, "warm-up: %d s at %,d items/s (%,.0f achieved in the last %d s), not counted; the JIT compiled for %.0f%% of a core"
                + " in the last slice%s%n", elapsed, WARMUP_RATE, achieved, WARMUP_SLICE_SECONDS, 100 * share,
                share < JIT_SETTLED ? " (settled)" : " (NOT settled: the figures below include compiling)");
    }

    private void measure(Load load, String bs, BenchItems payloads, double raw, dev.semid.serving.StreamMetrics metrics) throws InterruptedException {
        double[] bursts = new double[repeats];
        for (int i = 0; i < repeats; i++) bursts[i] = load.burst(bs, payloads, items);
        double[] sorted = bursts.clone();
        Arrays.sort(sorted);
        double sustained = sorted[repeats / 2];
        System.out.printf(Locale.ROOT, "service sustained: %,.0f items/s, median of %d bursts of %,d (%s; %.0f%% of raw Kafka)   target ≥ 20,000 items/s%n",
                sustained, repeats, items, Arrays.stream(bursts).mapToObj(b -> String.format(Locale.ROOT, "%,.0f", b))
                        .collect(java.util.stream.Collectors.joining(" / ")), 100 * sustained / raw);
        for (int rate : rates) {
            Map<String, Long> before = brokerRequests();
            double[] r;
            String cores;
            var tokenize = metrics.tokenizeTotals();
            try (ThreadCpu cpu = ThreadCpu.start()) {
                r = load.paced(bs, payloads, rate, seconds, cpu);
                cores = cpu.report();
            }
            String loop = metrics.tokenizeTotals().since(tokenize);
            Map<String, Long> after = brokerRequests();
            StringBuilder req = new StringBuilder();
            for (var e : after.entrySet()) {
                long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (n >= seconds) req.append(String.format(Locale.ROOT, " %s %,d/s", e.getKey(), n / seconds));
            }
            System.out.println("  broker requests:" + req);
            System.out.println("  CPU by thread, of " + Runtime.getRuntime().availableProcessors() + " cores: " + cores);
            System.out.println("  tokenize: " + loop);
            System.out.printf(Locale.ROOT, "at %,d items/s offered: achieved %,.0f/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", rate, r[0],
                    r[1], r[2], r[3], rate == 10_000 ? "   target p99 < 50 ms at 10,000/s" : "");
        }
    }

    /** Requests the broker has served so far, by type (its JMX meters: this process runs it). */
    private static Map<String, Long> brokerRequests() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try {
            var server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            for (var name : server.queryNames(new javax.management.ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null))
                out.merge(name.getKeyProperty("request"), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static byte[] binary(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    private ProducerRecord<String, byte[]> record(String topic, String id, byte[] value) {
        if (!binary) return new ProducerRecord<>(topic, id, value);
        RecordHeaders h = new RecordHeaders();
        h.add("content-type", ItemDecoder.BINARY_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, id, value, h);
    }

    /** The load's producer: Kafka 4's defaults (linger 5 ms) but for larger batches. */
    private static KafkaProducer<String, byte[]> producer(String bs) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bs, "acks", "all", "linger.ms", 5, "batch.size", 262_144),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bs, List<String> topics) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bs, "fetch.max.wait.ms", 5), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> parts = topics.stream().flatMap(t -> c.partitionsFor(t).stream()).map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position);
        return c;
    }

    /** The same payloads through Kafka alone: produce N, consume N. */
    private double rawKafka(String bs, BenchItems payloads) throws Exception {
        try (KafkaConsumer<String, byte[]> c = consumer(bs, List.of("raw")); KafkaProducer<String, byte[]> p = producer(bs)) {
            long t0 = System.nanoTime();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < items; i++) p.send(record("raw", "r" + i, payloads.payload(i)));
                p.flush();
            });
            int got = 0;
            while (got < items) got += c.poll(Duration.ofMillis(100)).count();
            sender.join();
            return items / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Sends items and reads the output and dead-letter topics on its own thread, recording when
     * each item's ID arrived, per run ({@code <run>-<n>} keys): a run's arrivals are an array
     * dropped with the run, so the benchmark keeps no heap that grows with the items streamed.
     */
    private final class Load implements AutoCloseable {
        private final Map<String, Run> runs = new ConcurrentHashMap<>();
        /** Items sent to the service so far: every one is a distinct vector (see {@link BenchItems}). */
        private long streamed;
        final AtomicBoolean running = new AtomicBoolean(true);
        final java.util.concurrent.atomic.AtomicInteger deadLetters = new java.util.concurrent.atomic.AtomicInteger();
        final Thread reader;

        /** One run's arrivals (nanoTime; 0 = not yet), written by the reader thread alone, counted as they come. */
        private record Run(long[] at, java.util.concurrent.atomic.AtomicInteger count) {
            Run(int n) { this(new long[n], new java.util.concurrent.atomic.AtomicInteger()); }
        }

        Load(String bs, List<String> topics) {
            KafkaConsumer<String, byte[]> c = consumer(bs, topics);
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

        static final int SLOW_SECOND_MS = 100, SLOW_SECONDS_SHOWN = 3;

        double burst(String bs, BenchItems payloads, int n) throws InterruptedException {
            String prefix = "b" + (run++) + "-";
            Run arrivals = open(prefix, n);
            long t0 = System.nanoTime();
            try (KafkaProducer<String, byte[]> p = producer(bs)) {
                for (int i = 0; i < n; i++) p.send(record("items", prefix + i, payloads.payload(streamed++)));
            }
            while (arrivals.count.get() < n) Thread.sleep(20);
            runs.remove(prefix);
            return n / ((System.nanoTime() - t0) / 1e9);
        }

        /**
         * {achieved rate, p50 ms, p99 ms, max ms} for items sent at {@code rate} for {@code seconds};
         * with {@code cpu}, prints the p99 of each second's items, and what ran during the slowest seconds.
         */
        double[] paced(String bs, BenchItems payloads, int rate, int seconds, ThreadCpu cpu) throws InterruptedException {
            boolean timeline = cpu != null;
            String prefix = "p" + (run++) + "-";
            int n = rate * seconds;
            Run arrivals = open(prefix, n);
            long[] sent = new long[n];
            long t0;
            java.time.LocalTime wallStart;
            try (KafkaProducer<String, byte[]> p = producer(bs)) {
                p.partitionsFor("items"); // metadata before the clock starts: a first send would wait for it, then catch up in a burst
                t0 = System.nanoTime();
                wallStart = java.time.LocalTime.now();
                for (int i = 0; i < n; i++) {
                    ProduceCommand.pace(t0, i, rate);
                    sent[i] = System.nanoTime();
                    p.send(record("items", prefix + i, payloads.payload(streamed++)));
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
            // the wall-clock start lines the seconds up with GC logs and flight recordings
            if (timeline) {
                double[][] perSecond = bySecond(lat, rate);
                StringBuilder line = new StringBuilder();
                for (double[] sec : perSecond) line.append(' ').append(Double.isInfinite(sec[0]) ? "lost" : Long.toString(Math.round(sec[0])));
                System.out.println("  p99 by second sent (ms), from " + wallStart.truncatedTo(java.time.temporal.ChronoUnit.MILLIS) + ":" + line);
                slowSeconds(perSecond, t0, cpu);
            }
            Arrays.sort(lat);
            return new double[] {n / ((last - t0) / 1e9), lat[n / 2], lat[(int) (n * 0.99)], lat[n - 1]};
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
         * item's arrival. A busy process points at a CPU-bound stall (a merge, GC), an idle one at waiting.
         */
        private void slowSeconds(double[][] seconds, long t0, ThreadCpu cpu) {
            java.util.List<Integer> slow = new java.util.ArrayList<>();
            for (int sec = 0; sec < seconds.length; sec++)
                if (seconds[sec][0] > SLOW_SECOND_MS && !Double.isInfinite(seconds[sec][0])) slow.add(sec);
            slow.sort((a, b) -> Double.compare(seconds[b][0], seconds[a][0]));
            for (int sec : slow.subList(0, Math.min(SLOW_SECONDS_SHOWN, slow.size()))) {
                double waited = Double.isInfinite(seconds[sec][1]) ? seconds[sec][0] : seconds[sec][1]; // a lost item: up to the p99
                long from = t0 + sec * 1_000_000_000L, to = from + 1_000_000_000L + (long) (waited * 1e6);
                System.out.printf(Locale.ROOT, "  second %d (p99 %.0f ms): %s%n", sec + 1, seconds[sec][0], cpu.window(from, to));
            }
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

    private static void createTopic(String bs, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bs))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
