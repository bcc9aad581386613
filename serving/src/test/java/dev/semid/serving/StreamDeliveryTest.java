package dev.semid.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.Devices;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.TrainingListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** Delivery guarantees on a real broker: equality with batch tokenization, two instances, SIGKILL mid-stream. */
class StreamDeliveryTest extends BrokerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** item → sid from the output topic's latest values; asserts every item's records agree (no item ever had two IDs). */
    static Map<String, String> idsOnOutput(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, String> sid = new HashMap<>();
        for (var r : records) {
            if (r.value() == null) continue;
            String s = JSON.readTree(r.value()).get("sid").asText();
            String before = sid.put(r.key(), s);
            assertTrue(before == null || before.equals(s), "item " + r.key() + " published with two IDs: " + before + ", " + s);
        }
        return sid;
    }

    static void assertIndexEquals(Path index, Map<String, String> expected) {
        try (SidIndexReader r = SidIndexReader.open(index, null)) {
            r.read(l -> {
                assertEquals(expected.size(), l.size(), "items in the index");
                expected.forEach((id, sid) -> assertEquals(sid, l.item(id).map(e -> e.sid().toString()).orElse(null), "item " + id));
                return null;
            });
        }
    }

    @Test void beautyItemsStreamedInGetTheIdsOfBatchTokenize() throws Exception {
        Path npy = Path.of(System.getProperty("semid.shared", "../shared"), "data/beauty/embeddings-minilm-384.npy");
        Assumptions.assumeTrue(Files.exists(npy), "Amazon Beauty data beside the checkout");
        EmbeddingSet beauty = EmbeddingReader.read(npy, null, 1);
        Path model = tmp.resolve("beauty-model");
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().iterations(5).seed(3).build(), TrainingListener.NONE).train(beauty.vectors()), model);
        Map<String, String> batch = new HashMap<>();
        try (Tokenizer t = Tokenizers.open(ModelArtifact.load(model), Devices.resolve("cpu"))) { // as semid tokenize opens it
            Tokenization.Result r = Tokenization.run(t, beauty, CollisionConfig.defaults(), (d, n) -> {});
            for (int i = 0; i < r.ids().size(); i++) batch.put(r.ids().get(i), r.sids().get(i).toString());
        }
        // one input partition, items in id order: the stream's arrival order is the batch's dedup order
        createTopic(kafka.bootstrapServers(), "b-items", 1);
        Path index = tmp.resolve("beauty-index");
        try (SemidServer server = SemidServer.start(settings(kafka.bootstrapServers(), model, index, "b-"));
             KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
            for (int i = 0; i < beauty.size(); i++)
                p.send(new ProducerRecord<>("b-items", beauty.ids().get(i), itemJson(beauty.ids().get(i), beauty.vectors().row(i), null)));
            p.flush();
            Map<String, String> out = idsOnOutput(readUntil(kafka.bootstrapServers(), "b-semantic-ids", Duration.ofSeconds(300),
                    all -> latest(all).size() >= beauty.size()));
            assertEquals(batch, out, "every Beauty item's ID equals semid tokenize's");
            awaitTrue(Duration.ofSeconds(60), "index committed", () -> server.engine().state() == StreamEngine.State.RUNNING);
        }
        assertIndexEquals(index, batch);
    }

    @Test void twoInstancesInOneGroupNeverHandOutTheSameId() throws Exception {
        Path model = tmp.resolve("two-model");
        Matrix x = smallModel(model);
        createTopic(kafka.bootstrapServers(), "t-items", 4);
        Path ia = tmp.resolve("index-a"), ib = tmp.resolve("index-b");
        try (SemidServer a = SemidServer.start(settings(kafka.bootstrapServers(), model, ia, "t-"));
             SemidServer b = SemidServer.start(settings(kafka.bootstrapServers(), model, ib, "t-"));
             KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
            awaitTrue(Duration.ofSeconds(60), "both instances own input and claims partitions", () ->
                    a.engine().itemPartitions() > 0 && b.engine().itemPartitions() > 0
                            && a.engine().claimPartitions() > 0 && b.engine().claimPartitions() > 0);
            // 16 embeddings, 40 items each: every item of a group has the same code tuple, spread over all input partitions
            int n = 640;
            for (int i = 0; i < n; i++) p.send(new ProducerRecord<>("t-items", "x" + i, itemJson("x" + i, x.row((i % 16) * 97), null)));
            p.flush();
            Map<String, String> out = idsOnOutput(readUntil(kafka.bootstrapServers(), "t-semantic-ids", Duration.ofSeconds(120),
                    all -> latest(all).size() >= n));
            assertEquals(n, out.size());
            assertEquals(n, new HashSet<>(out.values()).size(), "all IDs unique across the two instances");
            StreamMetrics ma = a.context().getBean(StreamMetrics.class), mb = b.context().getBean(StreamMetrics.class);
            assertTrue(ma.tokenized.count() > 0 && mb.tokenized.count() > 0, "both tokenized");
            assertTrue(ma.assigned.count() > 0 && mb.assigned.count() > 0, "both handed out tokens");
            assertEquals(n, ma.assigned.count() + mb.assigned.count(), 0.0, "each item assigned once");
            for (StreamMetrics m : List.of(ma, mb)) // each instance's own tuples in memory, the other's through the claims topic
                assertTrue(m.handedOver.count() > 0 && m.handedOver.count() < m.tokenized.count(),
                        "claims in memory " + m.handedOver.count() + " of " + m.tokenized.count());
            for (SemidServer s : List.of(a, b))
                awaitTrue(Duration.ofSeconds(60), "each index holds every item", () -> s.context().getBean(SemidRuntime.class).index()
                        .read(SidLookup::size) == n);
        }
        Map<String, String> out = idsOnOutput(readUntil(kafka.bootstrapServers(), "t-semantic-ids", Duration.ofSeconds(30), all -> latest(all).size() >= 640));
        assertIndexEquals(ia, out);
        assertIndexEquals(ib, out);
    }

    /**
     * A second instance joins while the first streams: the first loses claims partitions with
     * claims handed over in memory and input partitions with uncommitted offsets. Nothing may be
     * lost, no ID handed out twice, and both indexes end equal to the output topic.
     */
    @Test void anInstanceJoiningMidStreamTakesOverPartitionsWithoutLossOrDuplicates() throws Exception {
        Path model = tmp.resolve("join-model");
        Matrix x = smallModel(model);
        createTopic(kafka.bootstrapServers(), "j-items", 4);
        Path ia = tmp.resolve("join-a"), ib = tmp.resolve("join-b");
        int n = 3000;
        try (SemidServer a = SemidServer.start(settings(kafka.bootstrapServers(), model, ia, "j-"))) {
            awaitTrue(Duration.ofSeconds(60), "the first instance owns every claims partition", () -> a.engine().claimPartitions() == 4);
            Thread feeder = Thread.ofPlatform().start(() -> {
                try (KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
                    // 16 embeddings, 187 or 188 items each: every tuple's tokens are contended
                    for (int i = 0; i < n; i++) {
                        p.send(new ProducerRecord<>("j-items", "j" + i, itemJson("j" + i, x.row((i % 16) * 97), null)));
                        if (i % 40 == 39) sleep(100); // ~400 items/s for ~7.5 s: the join lands mid-stream
                    }
                }
            });
            readUntil(kafka.bootstrapServers(), "j-semantic-ids", Duration.ofSeconds(60), all -> all.size() >= 300);
            StreamMetrics ma = a.context().getBean(StreamMetrics.class);
            assertTrue(ma.handedOver.count() > 0, "claims went in memory before the join");
            try (SemidServer b = SemidServer.start(settings(kafka.bootstrapServers(), model, ib, "j-"))) {
                awaitTrue(Duration.ofSeconds(60), "the second instance owns claims partitions", () -> b.engine().claimPartitions() > 0);
                assertTrue(feeder.isAlive(), "the join came while items were still arriving");
                feeder.join();
                Map<String, String> out = idsOnOutput(readUntil(kafka.bootstrapServers(), "j-semantic-ids", Duration.ofSeconds(120),
                        all -> latest(all).size() >= n));
                assertEquals(n, out.size(), "0 items lost");
                assertEquals(n, new HashSet<>(out.values()).size(), "all IDs unique across the join");
                assertTrue(b.engine().claimPartitions() > 0 && a.engine().claimPartitions() < 4, "the partitions were shared out");
                for (SemidServer s : List.of(a, b))
                    awaitTrue(Duration.ofSeconds(60), "each index holds every item", () -> s.context().getBean(SemidRuntime.class).index()
                            .read(SidLookup::size) == n);
            }
        }
        Map<String, String> out = idsOnOutput(readUntil(kafka.bootstrapServers(), "j-semantic-ids", Duration.ofSeconds(30), all -> latest(all).size() >= n));
        assertIndexEquals(ia, out);
        assertIndexEquals(ib, out);
    }

    @Test void serviceKilledMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        Path model = tmp.resolve("kill-model");
        Matrix x = smallModel(model);
        createTopic(kafka.bootstrapServers(), "k-items", 4);
        Path index = tmp.resolve("kill-index");
        int port = freePort(), n = 4000;
        Process first = child(model, index, port);
        awaitTrue(Duration.ofSeconds(120), "the service is up", () -> ready(port));
        Thread feeder = Thread.ofPlatform().start(() -> {
            try (KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
                for (int i = 0; i < n; i++) {
                    p.send(new ProducerRecord<>("k-items", "k" + i, itemJson("k" + i, x.row(i % 2000), null)));
                    if (i % 100 == 99) sleep(40); // ~2,500 items/s: the stream is busy when the kill comes
                }
            }
        });
        readUntil(kafka.bootstrapServers(), "k-semantic-ids", Duration.ofSeconds(120), all -> all.size() >= 1000);
        first.destroyForcibly(); // SIGKILL
        assertTrue(first.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, first.exitValue());
        Process second = child(model, index, port);
        feeder.join();
        awaitTrue(Duration.ofSeconds(180), "every item has an ID after the restart", () -> ready(port) && indexItems(port) == n);
        second.destroy(); // SIGTERM: a clean stop commits
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        List<ConsumerRecord<String, byte[]>> records = readUntil(kafka.bootstrapServers(), "k-semantic-ids", Duration.ofSeconds(30),
                all -> latest(all).size() >= n);
        Map<String, String> out = idsOnOutput(records); // fails if an item was ever published with two IDs
        assertEquals(n, out.size(), "0 items lost");
        assertEquals(n, new HashSet<>(out.values()).size(), "all IDs unique");
        assertIndexEquals(index, out); // index == output topic, one document per item
        System.out.printf("kill test: %d items, %d output records (%d re-published after the restart, same IDs)%n", n, records.size(),
                records.size() - n);
    }

    private static Process child(Path model, Path index, int port) throws Exception {
        return serviceProcess(SemidServer.class, childSettings(model, index, port), tmp.resolve("child-" + System.nanoTime() + ".log"));
    }

    private static Map<String, Object> childSettings(Path model, Path index, int port) {
        Map<String, Object> p = settings(kafka.bootstrapServers(), model, index, "k-");
        p.put("micronaut.server.port", port);
        p.put("semid.commit-interval-ms", 300);
        return p;
    }



}
