package dev.semid.lab.serve;

import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.check.StreamChecker;
import dev.semid.serving.check.Violation;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The service under repeated crashes: items stream at a fixed rate through {@code instances}
 * service processes of one group (a broker in this process); every {@code killEvery} seconds one
 * instance, chosen at random, is SIGKILLed, the crash invariant is checked with it down
 * ({@link DurableOffsets}: the committed offsets acknowledge only what some index holds durably),
 * and it is started again. At the end the instances stop cleanly and the {@link StreamChecker}
 * judges every instance's index against the topics: nothing lost, no ID twice, no ID changed,
 * index = output topic.
 */
public final class SoakBench {
    /** Items in the model's training catalogue; streamed items are these with noise. */
    static final int CATALOGUE = 20_000, DIMENSION = 32;
    static final String GROUP = "soak-semid";
    /** The service's consumer session: an instance down longer loses its partitions to the others. */
    static final int SESSION_SECONDS = 10;

    /**
     * @param minutes   how long items stream
     * @param killEvery seconds between kills
     * @param rate      items a second
     * @param instances service processes
     * @param maxDown   a killed instance stays down a random 0..maxDown seconds (at least as long as the crash check takes):
     *                  beyond the consumer session (10 s) its partitions move to the others, and back when it returns
     * @param seed      which instance dies when, and the items
     * @param work      scratch directory, emptied first
     */
    public record Settings(double minutes, int killEvery, int rate, int instances, int maxDown, long seed, Path work) {
        public Settings {
            if (!(minutes > 0) || killEvery < 5 || rate < 1 || instances < 1 || maxDown < 0)
                throw new IllegalArgumentException("minutes must be > 0, kill-every >= 5 s, rate >= 1, instances >= 1 and max-down >= 0");
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private double minutes = 30;
            private int killEvery = 50, rate = 500, instances = 2, maxDown = 20;
            private long seed = 1;
            private Path work = Path.of("runs/bench-soak");

            private Builder() {}

            public Builder minutes(double v) { minutes = v; return this; }
            public Builder killEvery(int v) { killEvery = v; return this; }
            public Builder rate(int v) { rate = v; return this; }
            public Builder instances(int v) { instances = v; return this; }
            public Builder maxDown(int v) { maxDown = v; return this; }
            public Builder seed(long v) { seed = v; return this; }
            public Builder work(Path v) { work = v; return this; }

            public Settings build() { return new Settings(minutes, killEvery, rate, instances, maxDown, seed, work); }
        }
    }

    /** What the run found; {@link #ok()} when nothing was lost or broken. */
    public record Result(int items, int withId, int kills, int restarts, int downPastSession, int unexpectedExits, int crashInvariantBreaches,
                         List<Violation> violations, double p50Ms, double p99Ms, double maxMs, double p99AwayFromKillsMs) {
        public boolean ok() { return withId == items && crashInvariantBreaches == 0 && unexpectedExits == 0 && violations.isEmpty(); }
    }

    private final Settings s;

    public SoakBench(Settings settings) { this.s = settings; }

    public Result run(PrintStream out) throws Exception {
        ServeBench.deleteTree(s.work());
        Files.createDirectories(s.work());
        Path model = s.work().resolve("model");
        EmbeddingSet catalogue = SyntheticCatalogue.generate(CATALOGUE, DIMENSION, 16, 16, s.seed());
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().codes(64).iterations(10).seed(s.seed()).build(), TrainingListener.NONE)
                .train(catalogue.vectors()), model);
        int seconds = (int) Math.round(s.minutes() * 60), total = seconds * s.rate();
        out.printf(Locale.ROOT, "bench soak: %.1f min at %,d items/s (%,d items) through %d service processes, one SIGKILLed every %d s"
                + " and kept down 0-%d s; %d cores, broker in this process%n", s.minutes(), s.rate(), total, s.instances(), s.killEvery(),
                s.maxDown(), Runtime.getRuntime().availableProcessors());
        try (EmbeddedKafka kafka = EmbeddedKafka.start(s.work().resolve("kafka"))) {
            String bs = kafka.bootstrapServers();
            Map<String, String> service = Map.of("kafka.bootstrap.servers", bs, "semid.model", model.toString(), "semid.group", GROUP,
                    "semid.partitions", "8");
            List<ServiceProcess> instances = new ArrayList<>();
            for (int i = 0; i < s.instances(); i++) instances.add(new ServiceProcess(i, freePort(), s.work().resolve("instance-" + i), service));
            for (ServiceProcess p : instances) p.start();
            awaitReady(instances, 180); // the first one up makes the topics
            Run run = new Run(total);
            try (FirstIds ids = new FirstIds(bs, "semantic-ids", total)) {
                Thread feeder = Thread.ofPlatform().name("soak-feeder").start(() -> feed(bs, catalogue.vectors(), run));
                killLoop(bs, instances, run, seconds, out);
                feeder.join();
                long waitUntil = System.nanoTime() + 180_000_000_000L;
                while (ids.count() < total && System.nanoTime() < waitUntil) Thread.sleep(200);
                for (ServiceProcess p : instances)
                    if (!p.stop(60)) out.printf("instance %d did not stop within 60 s of SIGTERM and was killed%n", p.number());
                ids.close();
                return report(bs, instances, run, ids, out);
            }
        }
    }

    /** Sent times and kill times of one run. */
    private static final class Run {
        final long[] sent;
        final List<Long> kills = new ArrayList<>();
        volatile int sentCount;
        int restarts, unexpectedExits, breaches, rebalances;

        Run(int total) { sent = new long[total]; }
    }

    /** Sends item n at t0 + n / rate: s&lt;n&gt; = a catalogue item with noise, as JSON. */
    private void feed(String bs, Matrix base, Run run) {
        Random rnd = new Random(s.seed());
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", bs, "acks", "all", "linger.ms", 5,
                "enable.idempotence", true), new StringSerializer(), new ByteArraySerializer())) {
            long t0 = System.nanoTime();
            float[] v = new float[DIMENSION];
            for (int n = 0; n < run.sent.length; n++) {
                long due = t0 + (long) (n * 1e9 / s.rate());
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) Thread.sleep(wait / 1_000_000);
                float[] b = base.row(n % base.rows());
                for (int j = 0; j < DIMENSION; j++) v[j] = b[j] + (float) (0.05 * rnd.nextGaussian());
                run.sent[n] = System.nanoTime();
                p.send(new ProducerRecord<>("items", "s" + n, ItemPayloads.json(v)));
                run.sentCount = n + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every killEvery seconds while items stream: SIGKILL one instance, check the crash invariant, start it again. */
    private void killLoop(String bs, List<ServiceProcess> instances, Run run, int seconds, PrintStream out) throws Exception {
        Random rnd = new Random(s.seed() * 31 + 7);
        long t0 = System.nanoTime(), end = t0 + seconds * 1_000_000_000L, next = t0 + s.killEvery() * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (ServiceProcess p : instances)
                if (!p.alive()) { // not killed by us: a real failure, reported and restarted
                    run.unexpectedExits++;
                    run.restarts++;
                    out.printf(Locale.ROOT, "  instance %d exited by itself (status %d): see %s; restarting%n", p.number(), p.exitStatus(), p.log());
                    p.start();
                }
            if (System.nanoTime() < next) {
                Thread.sleep(200);
                continue;
            }
            next += s.killEvery() * 1_000_000_000L;
            ServiceProcess victim = instances.get(rnd.nextInt(instances.size()));
            long at = System.nanoTime();
            int sentBefore = run.sentCount, status = victim.kill();
            run.kills.add(at);
            List<Violation> broken = DurableOffsets.check(new DurableOffsets.Settings(bs, "items", "semid-claims", "items-dlq", GROUP,
                    indexes(instances), DIMENSION, 262_144));
            run.breaches += broken.size();
            long down = rnd.nextInt(s.maxDown() * 1000 + 1) * 1_000_000L, left = at + down - System.nanoTime();
            if (left > 0) Thread.sleep(left / 1_000_000);
            double downSeconds = (System.nanoTime() - at) / 1e9;
            if (downSeconds > SESSION_SECONDS) run.rebalances++;
            victim.start();
            run.restarts++;
            long readyFrom = System.nanoTime();
            awaitReady(List.of(victim), 180);
            out.printf(Locale.ROOT, "  kill %d at %4.0f s: instance %d (exit %d), %,d items sent; crash invariant %s; down %.1f s%s; ready again in %.1f s%n",
                    run.kills.size(), (at - t0) / 1e9, victim.number(), status, sentBefore,
                    broken.isEmpty() ? "holds" : "BROKEN for " + broken.size() + " items, e.g. " + broken.getFirst(), downSeconds,
                    downSeconds > SESSION_SECONDS ? " (past the session: its partitions moved)" : "", (System.nanoTime() - readyFrom) / 1e9);
        }
    }

    private Result report(String bs, List<ServiceProcess> instances, Run run, FirstIds ids, PrintStream out) {
        int total = run.sent.length, withId = 0;
        double[] lat = new double[total];
        List<Double> away = new ArrayList<>();
        for (int n = 0; n < total; n++) {
            long seen = ids.seen(n);
            lat[n] = seen == 0 ? Double.POSITIVE_INFINITY : (seen - run.sent[n]) / 1e6;
            if (seen != 0) withId++;
            if (!nearKill(run.sent[n], run.kills)) away.add(lat[n]);
        }
        Arrays.sort(lat);
        double[] a = away.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        StreamChecker.Report checked = StreamChecker.check(new StreamChecker.Settings(bs, "items", "semantic-ids", "items-dlq", "semid-claims",
                indexes(instances), DIMENSION, 262_144));
        List<Violation> violations = checked.violations();
        out.printf(Locale.ROOT, "checker, all %d indexes: %s (%,d input records, %,d output records, %,d IDs)%n", instances.size(),
                checked.ok() ? "nothing broken" : checked.counts() + ", e.g. " + violations.getFirst(), checked.inputRecords(),
                checked.outputRecords(), checked.ids());
        List<Violation> durable = DurableOffsets.check(new DurableOffsets.Settings(bs, "items", "semid-claims", "items-dlq", GROUP,
                indexes(instances), DIMENSION, 262_144));
        run.breaches += durable.size();
        Result r = new Result(total, withId, run.kills.size(), run.restarts, run.rebalances, run.unexpectedExits, run.breaches, violations,
                pct(lat, 0.5), pct(lat, 0.99), lat[lat.length - 1], pct(a, 0.99));
        out.printf(Locale.ROOT, "items: %,d sent, %,d with an ID (%,d lost); kills survived: %d (%d down past the session, their"
                + " partitions moved and came back), restarts: %d, unexpected exits: %d%n",
                total, withId, total - withId, r.kills(), r.downPastSession(), r.restarts(), r.unexpectedExits());
        out.printf(Locale.ROOT, "crash invariant after every kill and at the end: %s%n",
                run.breaches == 0 ? "held" : "broken for " + run.breaches + " items");
        long slow = Arrays.stream(lat).filter(v -> v > 1_000).count();
        out.printf(Locale.ROOT, "send → first ID on the output topic: p50 %s, p99 %s, max %s; %.1f %% of items over 1 s;"
                + " p99 of items sent more than %d s after any kill: %s%n",
                ms(r.p50Ms()), ms(r.p99Ms()), ms(r.maxMs()), 100.0 * slow / Math.max(1, total), AFTER_KILL_SECONDS, ms(r.p99AwayFromKillsMs()));
        out.println("verdict: " + (r.ok() ? "PASS (0 lost, 0 duplicate IDs, 0 changed IDs, every index = output topic)" : "FAIL"));
        return r;
    }

    /** Items sent within this long after a kill wait for the dead instance's partitions to move or come back. */
    static final int AFTER_KILL_SECONDS = 15;

    private static boolean nearKill(long sent, List<Long> kills) {
        for (long k : kills) if (sent >= k - 2_000_000_000L && sent < k + AFTER_KILL_SECONDS * 1_000_000_000L) return true;
        return false;
    }

    private static double pct(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    private static String ms(double v) { return Double.isInfinite(v) ? "lost" : String.format(Locale.ROOT, "%,.0f ms", v); }

    private static void awaitReady(List<ServiceProcess> instances, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (ServiceProcess p : instances)
            while (!p.ready()) {
                if (!p.alive()) throw new IllegalStateException("instance " + p.number() + " exited while starting: see " + p.log());
                if (System.nanoTime() > deadline) throw new IllegalStateException("instance " + p.number() + " not ready after " + seconds + " s: see " + p.log());
                Thread.sleep(200);
            }
    }

    private static List<Path> indexes(List<ServiceProcess> instances) { return instances.stream().map(ServiceProcess::index).toList(); }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
