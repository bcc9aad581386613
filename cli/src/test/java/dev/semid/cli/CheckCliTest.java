package dev.semid.cli;

import dev.semid.serving.SemidServer;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid check` on a real stream: the guarantees and the crash invariant hold, and a forged output record is named. */
class CheckCliTest {
    @TempDir Path tmp;

    @Test void withoutABrokerItSaysWhatIsMissing() {
        CliTest.Run r = semid("check", "--bootstrap=", "--index", "idx", "--model", "m");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--bootstrap"), r.err());
    }

    @Test void aStreamPassesAndAForgedIdIsNamed() throws Exception {
        EmbeddingSet items = SyntheticCatalogue.generate(300, 16, 4, 4, 3);
        Path model = tmp.resolve("model"), index = tmp.resolve("index");
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().codes(8).iterations(5).seed(1).build(), TrainingListener.NONE)
                .train(items.vectors()), model);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"))) {
            String bs = kafka.bootstrapServers();
            Map<String, Object> p = new HashMap<>(Map.of("kafka.bootstrap.servers", bs, "semid.model", model.toString(),
                    "semid.index", index.toString(), "semid.partitions", 2, "semid.commit-interval-ms", 200, "micronaut.server.port", -1));
            try (SemidServer server = SemidServer.start(p);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bs, "acks", "all"),
                         new StringSerializer(), new ByteArraySerializer())) {
                for (int i = 0; i < 100; i++) producer.send(new ProducerRecord<>("items", "i" + i, json(items.vectors().row(i)))).get();
                producer.send(new ProducerRecord<>("items", "bad", "{\"embedding\":[1,2]}".getBytes(StandardCharsets.UTF_8))).get();
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (semid("check", "--bootstrap", bs, "--index", index.toString(), "--model", model.toString()).code() != 0) {
                    assertTrue(System.nanoTime() < deadline, "the stream settles and passes");
                    Thread.sleep(500);
                }
            }
            CliTest.Run ok = semid("check", "--bootstrap", bs, "--index", index.toString(), "--model", model.toString());
            assertEquals(0, ok.code(), ok.out() + ok.err());
            assertTrue(ok.out().contains("100 items with an ID") && ok.out().contains("1 dead letters"), ok.out());
            assertTrue(ok.out().contains("crash invariant (group semid): holds"), ok.out());
            dev.semid.tokenizer.sid.SemanticId i6;
            try (dev.semid.index.SidIndexReader r = dev.semid.index.SidIndexReader.open(index, null)) {
                i6 = r.read(l -> l.item("i6")).orElseThrow().sid();
            }
            try (KafkaProducer<String, byte[]> forger = new KafkaProducer<>(Map.of("bootstrap.servers", bs, "acks", "all"),
                    new StringSerializer(), new ByteArraySerializer())) { // i5 given i6's ID
                forger.send(new ProducerRecord<>("semantic-ids", "i5", dev.semid.serving.stream.Codec.output("i5", i6, "forged", null,
                        (dev.semid.tokenizer.sid.CodeTuple) null))).get();
            }
            CliTest.Run forged = semid("check", "--bootstrap", bs, "--index", index.toString(), "--model", model.toString());
            assertEquals(CheckCommand.BROKEN, forged.code(), forged.out());
            assertTrue(forged.out().contains("item 'i5'") && forged.out().contains("unique: 1"), forged.out());
        }
    }

    private static byte[] json(float[] v) {
        StringBuilder sb = new StringBuilder("{\"embedding\":[");
        for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(v[j]);
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
