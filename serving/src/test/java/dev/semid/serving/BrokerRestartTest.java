package dev.semid.serving;

import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.check.StreamChecker;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.tokenizer.data.Matrix;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The broker stopped mid-stream for longer than a consumer session, then started again on its log:
 * the service waits and retries meanwhile (no item dead-lettered, nothing committed that is not
 * durable), resumes by itself, and the checker finds nothing lost and no ID twice.
 */
class BrokerRestartTest {
    @TempDir Path tmp;

    @Test void theStreamWaitsOutABrokerRestartAndLosesNothing() throws Exception {
        Matrix items = smallModel(tmp.resolve("model"));
        Path index = tmp.resolve("index"), log = tmp.resolve("kafka");
        int n = 3000;
        EmbeddedKafka kafka = EmbeddedKafka.start(log);
        String bootstrap = kafka.bootstrapServers();
        createTopic(bootstrap, "br-items", 4);
        AtomicInteger sent = new AtomicInteger();
        try (SemidServer server = SemidServer.start(settings(bootstrap, tmp.resolve("model"), index, "br-"))) {
            Thread feeder = Thread.ofPlatform().start(() -> {
                try (KafkaProducer<String, byte[]> p = producer(bootstrap)) { // the producer holds records while the broker is away
                    for (int i = 0; i < n; i++) {
                        p.send(new ProducerRecord<>("br-items", "i" + i, itemJson("i" + i, items.row(i % 2000), null)));
                        sent.incrementAndGet();
                        if (i % 100 == 99) sleep(200); // 500 items/s: the stream is mid-way when the broker stops
                    }
                }
            });
            readUntil(bootstrap, "br-semantic-ids", Duration.ofSeconds(120), l -> l.size() >= 500);
            kafka.close();
            assertTrue(sent.get() < n, "the broker stopped mid-stream");
            sleep(12_000); // longer than the consumers' 10 s session
            kafka = EmbeddedKafka.start(log);
            assertEquals(bootstrap, kafka.bootstrapServers(), "the broker came back where the clients look for it");
            feeder.join();
            awaitTrue(Duration.ofSeconds(180), "every item committed after the broker came back", () -> committedItems(index) == n);
            assertEquals(0, server.context().getBean(StreamMetrics.class).deadLetters.count(), "nothing dead-lettered for an absent broker");
        }
        try {
            StreamChecker.Report r = StreamChecker.check(new StreamChecker.Settings(bootstrap, "br-items", "br-semantic-ids", "br-dlq",
                    "br-claims", index, items.cols(), 262_144));
            assertTrue(r.ok(), r.violations().toString());
            assertEquals(n, r.ids());
            assertEquals(List.of(), DurableOffsets.check(durability(bootstrap, index, "br-")));
        } finally {
            kafka.close();
        }
    }
}
