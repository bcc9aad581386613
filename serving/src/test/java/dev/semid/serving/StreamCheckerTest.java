package dev.semid.serving;

import dev.semid.serving.check.StreamChecker;
import dev.semid.serving.stream.Codec;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** The checker on a real stream: a clean run passes every invariant; a forged output record is caught, items named. */
class StreamCheckerTest extends BrokerTest {
    @Test void aCleanRunPassesAndAForgedRecordIsCaught() throws Exception {
        var items = smallModel(tmp.resolve("model"));
        Path index = tmp.resolve("index");
        Map<String, Object> p = settings(kafka.bootstrapServers(), tmp.resolve("model"), index, "chk-");
        p.put("semid.auth-token", "secret");
        try (SemidServer server = SemidServer.start(p); KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            for (int i = 0; i < 200; i++) send(producer, "chk-items", "i" + i, itemJson("i" + i, items.row(i), null));
            send(producer, "chk-items", "i7", itemJson("i7", items.row(7), null)); // re-delivered: keeps its ID
            send(producer, "chk-items", "bad-json", "{\"id\":".getBytes(StandardCharsets.UTF_8));
            send(producer, "chk-items", "short", itemJson("short", new float[] {1, 2}, null));
            send(producer, "chk-items", "tomb", null); // an empty input value is invalid input
            awaitTrue(Duration.ofSeconds(90), "200 items indexed", () -> server.engine().state() == StreamEngine.State.RUNNING
                    && http(server.port(), "GET", "/model", null, null).body().contains("\"indexItems\":200"));
            assertEquals(200, http(server.port(), "DELETE", "/items/i9", null, "secret").status(), "deleted: a tombstone on the output topic");
            readUntil(kafka.bootstrapServers(), "chk-dlq", Duration.ofSeconds(60), r -> r.size() >= 3);
            awaitTrue(Duration.ofSeconds(30), "the delete committed", () -> http(server.port(), "GET", "/model", null, null).body().contains("\"indexItems\":199"));
        }
        StreamChecker.Settings s = new StreamChecker.Settings(kafka.bootstrapServers(), "chk-items", "chk-semantic-ids", "chk-dlq", "chk-claims",
                index, items.cols(), 262_144);
        StreamChecker.Report clean = StreamChecker.check(s);
        assertTrue(clean.ok(), clean.violations().toString());
        assertEquals(199, clean.ids());
        assertEquals(3, clean.invalidRecords());
        assertEquals(3, clean.deadLetters());

        // a forged record: i5 takes i6's ID in the output topic, which the index does not know
        SemanticId i6 = null;
        for (var r : readUntil(kafka.bootstrapServers(), "chk-semantic-ids", Duration.ofSeconds(30), l -> l.size() >= 201))
            if ("i6".equals(r.key()) && r.value() != null) i6 = Codec.output(r.value()).sid();
        assertNotNull(i6);
        try (KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            send(producer, "chk-semantic-ids", "i5", Codec.output("i5", i6, "forged", null, (CodeTuple) null));
        }
        StreamChecker.Report forged = StreamChecker.check(s);
        assertFalse(forged.ok());
        List<String> named = forged.violations().stream().map(v -> v.invariant() + ":" + v.itemId()).toList();
        assertTrue(named.contains("unique:i6") || named.contains("unique:i5"), named.toString());
        assertTrue(named.contains("index = topic:i5"), named.toString());
        assertTrue(named.contains("stable:i5"), named.toString());
        assertEquals(Map.of("index = topic", 1L, "stable", 1L, "unique", 1L), forged.counts());
    }
}
