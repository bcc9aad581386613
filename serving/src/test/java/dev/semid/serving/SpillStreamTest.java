package dev.semid.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.CodebookTokenizer;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.rq.AlternativeTuples;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.index.SidLookup;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * More items in one code tuple than it has dedup tokens, on a real broker: every item gets a
 * unique ID, none goes to the dead-letter topic, the spilled ones are marked, a re-delivered item
 * keeps its ID, and a spill to a tuple of another instance is forwarded to it.
 */
class SpillStreamTest extends BrokerTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** n items named 0..n−1, all with one embedding: they share one code tuple. */
    static EmbeddingSet copies(float[] v, int n) {
        List<String> ids = new ArrayList<>();
        float[] rows = new float[n * v.length];
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i));
            System.arraycopy(v, 0, rows, i * v.length, v.length);
        }
        return new EmbeddingSet(ids, new Matrix(n, v.length, rows));
    }

    static void stream(KafkaProducer<String, byte[]> p, String topic, EmbeddingSet items) {
        for (int i = 0; i < items.size(); i++)
            p.send(new ProducerRecord<>(topic, items.ids().get(i), itemJson(items.ids().get(i), items.vectors().row(i), null)));
        p.flush();
    }

    static Map<String, JsonNode> latestJson(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, JsonNode> m = new HashMap<>();
        for (var e : latest(records).entrySet()) m.put(e.getKey(), JSON.readTree(e.getValue()));
        return m;
    }

    @Test void moreItemsThanATupleHasTokensAllGetUniqueIdsNoneIsDeadLetteredAndTheSpilledAreMarked() throws Exception {
        Path model = tmp.resolve("one-model");
        Matrix x = smallModel(model);
        EmbeddingSet items = copies(x.row(0), 700);
        Map<String, String> batch = new HashMap<>();
        CodeTuple own;
        AlternativeTuples alternatives;
        try (Tokenizer t = new CodebookTokenizer(ModelArtifact.load(model))) {
            Tokenization.Result r = Tokenization.run(t, items, CollisionConfig.defaults(), (d, n) -> {});
            for (int i = 0; i < items.size(); i++) batch.put(items.ids().get(i), r.sids().get(i).toString());
            assertEquals(700 - 256, r.spilled());
            own = CodeTuple.of(r.codes()[0]);
            alternatives = t.quantizer().alternatives(t.encode(items.vectors().slice(0, 1), false).latent().row(0), r.codes()[0]);
        }
        // one input partition, items in id order: the stream's arrival order is the batch's order
        createTopic(kafka.bootstrapServers(), "s-items", 1);
        try (SemidServer server = SemidServer.start(settings(kafka.bootstrapServers(), model, tmp.resolve("one-index"), "s-"));
             KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
            stream(p, "s-items", items);
            List<ConsumerRecord<String, byte[]>> out = readUntil(kafka.bootstrapServers(), "s-semantic-ids", Duration.ofSeconds(120),
                    all -> latest(all).size() >= 700);
            Map<String, String> ids = StreamDeliveryTest.idsOnOutput(out);
            assertEquals(700, new HashSet<>(ids.values()).size(), "700 unique IDs");
            assertEquals(batch, ids, "the stream spills as semid tokenize does");
            Map<String, Integer> perTuple = new HashMap<>();
            for (var e : latestJson(out).entrySet()) {
                JsonNode o = e.getValue();
                String tuple = o.get("sid").asText().substring(0, o.get("sid").asText().lastIndexOf('-'));
                perTuple.merge(tuple, 1, Integer::sum);
                boolean spilled = !tuple.equals(own.toString());
                assertEquals(spilled, o.has("spilled") && o.get("spilled").asBoolean(), "marked iff spilled: " + o);
                if (spilled) assertEquals(own.toString(), o.get("tuple").asText(), "names the tuple the quantizer chose");
            }
            assertEquals(Map.of(own.toString(), 256, CodeTuple.of(alternatives.tuple(1)).toString(), 256,
                    CodeTuple.of(alternatives.tuple(2)).toString(), 188), perTuple, "filled nearest first");
            StreamMetrics m = server.context().getBean(StreamMetrics.class);
            assertEquals(444, m.spilled.count(), 0.0);
            assertEquals(0, m.deadLetters.count(), 0.0);
            assertTrue(server.context().getBean(DriftWatch.class).spillRate() > 0.6);

            stream(p, "s-items", items); // delivered again
            awaitTrue(Duration.ofSeconds(60), "the re-delivered items are through", () -> m.reused.count() >= 700);
            List<ConsumerRecord<String, byte[]>> again = readUntil(kafka.bootstrapServers(), "s-semantic-ids", Duration.ofSeconds(60),
                    all -> all.size() >= 1400);
            assertEquals(batch, StreamDeliveryTest.idsOnOutput(again), "every item kept its ID, the spilled ones too");
            assertEquals(700, m.assigned.count(), 0.0);
        }
        assertTrue(readUntil(kafka.bootstrapServers(), "s-dlq", Duration.ofSeconds(3), all -> false).isEmpty(), "nothing dead-lettered");
    }

    @Test void aSpillToATupleAnotherInstanceOwnsIsForwardedToIt() throws Exception {
        Path model = tmp.resolve("two-model");
        Matrix x = smallModel(model);
        // an item whose tuple and nearest alternative are in claims partitions {0,1} and {2,3}: the two instances own one half each
        int row = -1;
        try (Tokenizer t = new CodebookTokenizer(ModelArtifact.load(model))) {
            for (int i = 0; i < x.rows() && row < 0; i++) {
                var e = t.encode(x.slice(i, i + 1), false);
                int a = TokenizeStage.partitionOf(CodeTuple.of(e.codes()[0]), 4);
                int b = TokenizeStage.partitionOf(CodeTuple.of(t.quantizer().alternatives(e.latent().row(0), e.codes()[0]).tuple(1)), 4);
                if (a / 2 != b / 2) row = i;
            }
        }
        EmbeddingSet items = copies(x.row(row), 400);
        createTopic(kafka.bootstrapServers(), "f-items", 4);
        Path ia = tmp.resolve("fwd-a"), ib = tmp.resolve("fwd-b");
        try (SemidServer a = SemidServer.start(settings(kafka.bootstrapServers(), model, ia, "f-"));
             SemidServer b = SemidServer.start(settings(kafka.bootstrapServers(), model, ib, "f-"));
             KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
            awaitTrue(Duration.ofSeconds(60), "both instances own claims partitions", () ->
                    a.engine().claimPartitions() == 2 && b.engine().claimPartitions() == 2);
            stream(p, "f-items", items);
            List<ConsumerRecord<String, byte[]>> out = readUntil(kafka.bootstrapServers(), "f-semantic-ids", Duration.ofSeconds(120),
                    all -> latest(all).size() >= 400);
            Map<String, String> ids = StreamDeliveryTest.idsOnOutput(out);
            assertEquals(400, new HashSet<>(ids.values()).size(), "400 unique IDs across the two instances");
            StreamMetrics ma = a.context().getBean(StreamMetrics.class), mb = b.context().getBean(StreamMetrics.class);
            StreamMetrics owner = ma.assigned.count() > mb.assigned.count() ? ma : mb, other = owner == ma ? mb : ma;
            assertEquals(256, owner.assigned.count(), 0.0, "the tuple's owner numbered 256 items in it");
            assertEquals(0, owner.spilled.count(), 0.0);
            assertEquals(144, other.assigned.count(), 0.0, "the rest were forwarded to the owner of their nearest alternative");
            assertEquals(144, other.spilled.count(), 0.0);
            for (SemidServer s : List.of(a, b))
                awaitTrue(Duration.ofSeconds(60), "each index holds every item", () -> s.context().getBean(SemidRuntime.class).index()
                        .read(SidLookup::size) == 400);
        }
        Map<String, String> out = StreamDeliveryTest.idsOnOutput(readUntil(kafka.bootstrapServers(), "f-semantic-ids", Duration.ofSeconds(30),
                all -> latest(all).size() >= 400));
        StreamDeliveryTest.assertIndexEquals(ia, out);
        StreamDeliveryTest.assertIndexEquals(ib, out);
        assertTrue(readUntil(kafka.bootstrapServers(), "f-dlq", Duration.ofSeconds(3), all -> false).isEmpty(), "nothing dead-lettered");
    }
}
