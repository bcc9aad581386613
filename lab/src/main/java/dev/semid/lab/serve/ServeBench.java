package dev.semid.lab.serve;

import dev.semid.serving.SemidServer;
import dev.semid.serving.StreamMetrics;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service under load, everything in this process on this machine (broker, service, load):
 * raw Kafka produce → consume of the same payloads as the ceiling, then the service's sustained
 * items/s, then produce → output-topic latency (p50/p99) at fixed rates.
 */
public final class ServeBench {
    public static final int WARMUP_MIN_SECONDS = 30, WARMUP_SLICE_SECONDS = 10, WARMUP_RATE = 5_000;
    /** The JIT counts as settled when it compiled for less than this share of one core over the last slice. */
    static final double JIT_SETTLED = 0.05;

    /**
     * @param input         embeddings the items are made from (see {@link BenchItems})
     * @param items         items per burst for the sustained figure
     * @param repeats       bursts; the median is reported
     * @param warmupSeconds at most this long at {@value #WARMUP_RATE} items/s before measuring (0: none)
     * @param rates         offered rates of the latency runs, items/s
     * @param seconds       seconds per latency run
     * @param binary        binary float32 values instead of JSON
     * @param work          scratch directory, emptied first
     * @param service       service settings, as for {@code semid serve --set}
     */
    public record Settings(Path input, int items, int repeats, int warmupSeconds, List<Integer> rates, int seconds, boolean binary,
                           Path work, Map<String, String> service) {
        public Settings {
            rates = List.copyOf(rates);
            service = Map.copyOf(service);
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path input = Path.of("../shared/data/beauty/embeddings-minilm-384.npy");
            private int items = 150_000, repeats = 3, warmupSeconds = 300, seconds = 10;
            private List<Integer> rates = List.of(2_000, 5_000, 10_000);
            private boolean binary;
            private Path work = Path.of("runs/bench-serve");
            private Map<String, String> service = Map.of();

            private Builder() {}

            public Builder input(Path v) { input = v; return this; }
            public Builder items(int v) { items = v; return this; }
            public Builder repeats(int v) { repeats = v; return this; }
            public Builder warmupSeconds(int v) { warmupSeconds = v; return this; }
            public Builder rates(List<Integer> v) { rates = v; return this; }
            public Builder seconds(int v) { seconds = v; return this; }
            public Builder binary(boolean v) { binary = v; return this; }
            public Builder work(Path v) { work = v; return this; }
            public Builder service(Map<String, String> v) { service = v; return this; }

            public Settings build() { return new Settings(input, items, repeats, warmupSeconds, rates, seconds, binary, work, service); }
        }
    }

    private final Settings settings;

    public ServeBench(Settings settings) {
        this.settings = settings;
    }

    /** Trains a small RQ-KMeans model, starts broker and service, and prints each figure to {@code out} as it is measured. */
    public void run(PrintStream out) throws Exception {
        Settings s = settings;
        deleteTree(s.work());
        EmbeddingSet set = EmbeddingReader.read(s.input(), null, 1);
        Path model = s.work().resolve("model");
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().iterations(5).seed(1).build(), TrainingListener.NONE).train(set.vectors()), model);
        byte[][] base = new byte[set.size()][];
        for (int i = 0; i < set.size(); i++) base[i] = s.binary() ? ItemPayloads.binary(set.vectors().row(i)) : ItemPayloads.json(set.vectors().row(i));
        BenchItems payloads = new BenchItems(base, !s.binary(), set.dimension());
        out.printf(Locale.ROOT, "bench serve: %s, %d-d, %s values of ~%d bytes, %d cores, broker + service + load in one process%n",
                s.input().getFileName(), set.dimension(), s.binary() ? "binary" : "JSON", base[0].length, Runtime.getRuntime().availableProcessors());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(s.work().resolve("kafka"))) {
            String bs = kafka.bootstrapServers();
            KafkaClients.createTopic(bs, "raw", 8);
            KafkaClients.createTopic(bs, "items", 8);
            Map<String, Object> props = new HashMap<>(s.service());
            props.put("kafka.bootstrap.servers", bs);
            props.put("semid.model", model.toString());
            props.put("semid.index", s.work().resolve("index").toString());
            props.put("micronaut.server.port", -1);
            try (SemidServer server = SemidServer.start(props)) {
                while (server.engine().claimPartitions() == 0) Thread.sleep(100); // topics made, partitions owned
                StreamMetrics metrics = server.context().getBean(StreamMetrics.class);
                try (Load load = new Load(bs, List.of("semantic-ids", "items-dlq"), s.binary(), out)) {
                    warmUp(load, payloads, out);
                    // measured hot, like the service: the same broker, its code compiled by the warm-up
                    double raw = rawKafka(bs, payloads);
                    out.printf(Locale.ROOT, "raw Kafka produce → consume, same payloads: %,.0f items/s (the ceiling)%n", raw);
                    measure(load, payloads, raw, metrics, out);
                    if (metrics.spilledCount() > 0)
                        out.printf(Locale.ROOT, "%,.0f items spilled to another code tuple (theirs was out of dedup tokens)%n", metrics.spilledCount());
                    if (load.deadLetters() > 0) out.printf(Locale.ROOT, "%,d items went to the dead-letter topic%n", load.deadLetters());
                }
                out.println("service: " + metrics.timings());
            }
        }
    }

    /**
     * Streams at {@value #WARMUP_RATE} items/s in slices until the JIT has settled or the time is up:
     * figures taken while the compiler still takes a share of the two cores are not the service's.
     */
    private void warmUp(Load load, BenchItems payloads, PrintStream out) throws InterruptedException {
        int warmupSeconds = settings.warmupSeconds();
        if (warmupSeconds == 0) return;
        var jit = ManagementFactory.getCompilationMXBean();
        int elapsed = 0;
        double share = Double.NaN, achieved = 0;
        while (elapsed < warmupSeconds) {
            int slice = Math.min(WARMUP_SLICE_SECONDS, warmupSeconds - elapsed);
            long c0 = jit.getTotalCompilationTime(), t0 = System.nanoTime();
            achieved = load.paced(payloads, WARMUP_RATE, slice, null)[0];
            share = (jit.getTotalCompilationTime() - c0) / ((System.nanoTime() - t0) / 1e6);
            elapsed += slice;
            if (elapsed >= WARMUP_MIN_SECONDS && share < JIT_SETTLED) break;
        }
        out.printf(Locale.ROOT, "warm-up: %d s at %,d items/s (%,.0f achieved in the last %d s), not counted; the JIT compiled for %.0f%% of a core"
                + " in the last slice%s%n", elapsed, WARMUP_RATE, achieved, WARMUP_SLICE_SECONDS, 100 * share,
                share < JIT_SETTLED ? " (settled)" : " (NOT settled: the figures below include compiling)");
    }

    private void measure(Load load, BenchItems payloads, double raw, StreamMetrics metrics, PrintStream out) throws InterruptedException {
        int repeats = settings.repeats(), seconds = settings.seconds();
        double[] bursts = new double[repeats];
        for (int i = 0; i < repeats; i++) bursts[i] = load.burst(payloads, settings.items());
        double[] sorted = bursts.clone();
        Arrays.sort(sorted);
        double sustained = sorted[repeats / 2];
        out.printf(Locale.ROOT, "service sustained: %,.0f items/s, median of %d bursts of %,d (%s; %.0f%% of raw Kafka)   target ≥ 20,000 items/s%n",
                sustained, repeats, settings.items(), Arrays.stream(bursts).mapToObj(b -> String.format(Locale.ROOT, "%,.0f", b))
                        .collect(Collectors.joining(" / ")), 100 * sustained / raw);
        for (int rate : settings.rates()) {
            Map<String, Long> before = BrokerRequests.count();
            double[] r;
            String cores;
            var tokenize = metrics.tokenizeTotals();
            try (ThreadCpu cpu = ThreadCpu.start()) {
                r = load.paced(payloads, rate, seconds, cpu);
                cores = cpu.report();
            }
            String loop = metrics.tokenizeTotals().since(tokenize);
            Map<String, Long> after = BrokerRequests.count();
            StringBuilder req = new StringBuilder();
            for (var e : after.entrySet()) {
                long n = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (n >= seconds) req.append(String.format(Locale.ROOT, " %s %,d/s", e.getKey(), n / seconds));
            }
            out.println("  broker requests:" + req);
            out.println("  CPU by thread, of " + Runtime.getRuntime().availableProcessors() + " cores: " + cores);
            out.println("  tokenize: " + loop);
            out.printf(Locale.ROOT, "at %,d items/s offered: achieved %,.0f/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", rate, r[0],
                    r[1], r[2], r[3], rate == 10_000 ? "   target p99 < 50 ms at 10,000/s" : "");
        }
    }

    /** The same payloads through Kafka alone: produce N, consume N. */
    private double rawKafka(String bs, BenchItems payloads) throws Exception {
        int items = settings.items();
        try (KafkaConsumer<String, byte[]> c = KafkaClients.consumer(bs, List.of("raw")); KafkaProducer<String, byte[]> p = KafkaClients.producer(bs)) {
            long t0 = System.nanoTime();
            Thread sender = Thread.ofPlatform().start(() -> {
                for (int i = 0; i < items; i++) p.send(KafkaClients.record("raw", "r" + i, payloads.payload(i), settings.binary()));
                p.flush();
            });
            int got = 0;
            while (got < items) got += c.poll(Duration.ofMillis(100)).count();
            sender.join();
            return items / ((System.nanoTime() - t0) / 1e9);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
