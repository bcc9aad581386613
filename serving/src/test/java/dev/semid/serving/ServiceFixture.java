package dev.semid.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.CodebookTokenizer;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A real broker, a small real model, and helpers to talk to both and to the service over HTTP. */
final class ServiceFixture {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceFixture() {}

    /**
     * An RQ-KMeans model (3 × 16) over 2,000 synthetic 32-d items, measured on them as
     * {@code semid train} does (its drift reference), saved to {@code dir}; returns the items.
     */
    static Matrix smallModel(Path dir) throws IOException {
        EmbeddingSet items = catalogue(ITEMS);
        QuantizerModel model = new RqKMeansTrainer(RqKMeansConfig.builder().codes(16).iterations(10).seed(1).build(), TrainingListener.NONE)
                .train(items.vectors());
        try (Tokenizer t = new CodebookTokenizer(model)) {
            ModelArtifact.save(Tokenization.run(t, items, CollisionConfig.defaults(), (d, n) -> {}).driftReference().attachTo(model), dir);
        }
        return items.vectors();
    }

    /** n items from the distribution of {@link #smallModel}'s, none of them among those it was trained on. */
    static Matrix heldOut(int n) { return catalogue(ITEMS + n).vectors().slice(ITEMS, ITEMS + n); }

    private static final int ITEMS = 2000;

    /** The synthetic catalogue's first n items (a longer one begins with the items of a shorter one). */
    private static EmbeddingSet catalogue(int n) { return SyntheticCatalogue.generate(n, 32, 8, 8, 5); }

    static EmbeddedKafka broker(Path dir) { return EmbeddedKafka.start(dir); }

    static void createTopic(String bootstrap, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> settings(String bootstrap, Path model, Path index, String prefix) {
        Map<String, Object> p = new HashMap<>();
        p.put("kafka.bootstrap.servers", bootstrap);
        p.put("semid.model", model.toString());
        p.put("semid.index", index.toString());
        p.put("semid.input-topic", prefix + "items");
        p.put("semid.output-topic", prefix + "semantic-ids");
        p.put("semid.claims-topic", prefix + "claims");
        p.put("semid.dead-letter-topic", prefix + "dlq");
        p.put("semid.group", prefix + "semid");
        p.put("semid.partitions", 4);
        p.put("semid.commit-interval-ms", 200);
        p.put("micronaut.server.port", -1);
        return p;
    }

    /**
     * The tests' item producer. One request in flight: a producer's first batches to a fresh topic
     * could otherwise be appended out of order (see SettledPartitions), and arrival order is what
     * the dedup tokens follow.
     */
    static KafkaProducer<String, byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "linger.ms", 2, "batch.size", 256 * 1024,
                "max.in.flight.requests.per.connection", 1), new StringSerializer(), new ByteArraySerializer());
    }

    static byte[] itemJson(String id, float[] v, String extra) {
        StringBuilder sb = new StringBuilder("{");
        if (id != null) sb.append("\"id\":\"").append(id).append("\",");
        sb.append("\"embedding\":[");
        for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(v[j]);
        sb.append(']');
        if (extra != null) sb.append(',').append(extra);
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    static void send(KafkaProducer<String, byte[]> p, String topic, String key, byte[] value) {
        try {
            p.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a topic from the start until {@code done} holds for what was read, or the timeout passes. */
    static List<ConsumerRecord<String, byte[]>> readUntil(String bootstrap, String topic, Duration timeout,
                                                          Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (parts.isEmpty() && System.nanoTime() < deadline) {
                var info = c.partitionsFor(topic);
                if (info != null) info.forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
                if (parts.isEmpty()) sleep(100);
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            while (!done.test(all) && System.nanoTime() < deadline) c.poll(Duration.ofMillis(200)).forEach(all::add);
        }
        return all;
    }

    /** The last value per key (a compacted topic's view), tombstones removing keys. */
    static Map<String, String> latest(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, String> m = new HashMap<>();
        for (var r : records) {
            if (r.value() == null) m.remove(r.key());
            else m.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
        }
        return m;
    }

    record Http(int status, String body, java.net.http.HttpHeaders headers) {}

    static Http http(int port, String method, String path, String body, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
        if (token != null) b.header("Authorization", "Bearer " + token);
        if (body != null) b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static void awaitTrue(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            sleep(100);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service in a process of its own (a real SIGKILL kills it), configured by system properties, its output in {@code log}. */
    static Process serviceProcess(Class<?> main, Map<String, Object> settings, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true"));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** True once the service on this port answers ready. */
    static boolean ready(int port) {
        try {
            return http(port, "GET", "/health/readiness", null, null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** Items in the service's index view, or -1 while it does not answer. */
    static long indexItems(int port) {
        try {
            return new ObjectMapper().readTree(http(port, "GET", "/model", null, null).body())
                    .get("indexItems").asLong();
        } catch (Exception notYet) {
            return -1;
        }
    }

    static int freePort() {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The crash invariant's settings for one instance set up by {@link #settings} with this prefix, on 32-d items. */
    static DurableOffsets.Settings durability(String bootstrap, Path index, String prefix) {
        return new DurableOffsets.Settings(bootstrap, prefix + "items", prefix + "claims", prefix + "dlq", prefix + "semid",
                List.of(index), 32, 262_144);
    }

    /** Items in the index's last commit on disk (what survives a crash). */
    static long committedItems(Path index) {
        try (SidIndexReader r = SidIndexReader.open(index, null)) {
            return r.read(SidLookup::size);
        } catch (RuntimeException e) {
            return -1; // no commit yet
        }
    }
}
