package dev.semid.serving;

import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.check.StreamChecker;
import dev.semid.tokenizer.data.Matrix;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Crashes (the process halted) at the steps of the commit protocol where one is the hardest to
 * survive, while items stream in: right after an index commit, before the offsets it covers are
 * committed; and right after an ID is acknowledged on the output topic, before any index commit
 * holds it. Right after the crash, with no instance running, the offsets must acknowledge only
 * what is durable; after a restart on the same index every item has one ID, and the checker finds
 * nothing lost, no ID twice, and no ID changed.
 */
class CrashPointTest extends BrokerTest {
    private static final int ITEMS = 3000;
    private static Matrix items;

    @BeforeAll static void model() throws Exception { items = smallModel(tmp.resolve("model")); }

    @Test void aCrashBetweenTheIndexCommitAndTheOffsetCommitReDeliversAndKeepsIds() throws Exception {
        int republished = crashAndRecover("cc-", StreamProbe.Point.INDEX_COMMITTED, 3);
        assertTrue(republished > 0, "the claims the crash left uncommitted were delivered again (and kept their IDs)");
    }

    @Test void aCrashBetweenThePublishAndTheIndexCommitLosesNothing() throws Exception {
        crashAndRecover("cp-", StreamProbe.Point.OUTPUT_ACKNOWLEDGED, 700);
    }

    /** Streams {@link #ITEMS} items into a service that crashes at the n-th {@code point}, restarts it, checks; returns the records published twice. */
    private int crashAndRecover(String prefix, StreamProbe.Point point, int n) throws Exception {
        Path index = tmp.resolve(prefix + "index");
        int port = freePort();
        Map<String, Object> s = settings(kafka.bootstrapServers(), tmp.resolve("model"), index, prefix);
        s.put("micronaut.server.port", port);
        s.put("semid.commit-interval-ms", 300);
        createTopic(kafka.bootstrapServers(), prefix + "items", 4);
        Map<String, Object> crashing = new java.util.HashMap<>(s);
        crashing.put("semid.crash.at", point);
        crashing.put("semid.crash.after", n);
        Process first = serviceProcess(CrashingService.class, crashing, tmp.resolve(prefix + "first.log"));
        awaitTrue(Duration.ofSeconds(120), "the service is up", () -> ready(port) || !first.isAlive());
        Thread feeder = Thread.ofPlatform().start(() -> {
            try (KafkaProducer<String, byte[]> p = producer(kafka.bootstrapServers())) {
                for (int i = 0; i < ITEMS; i++) {
                    p.send(new ProducerRecord<>(prefix + "items", "i" + i, itemJson("i" + i, items.row(i % 2000), null)));
                    if (i % 100 == 99) sleep(100); // ~1,000 items/s over 3 s: the stream is busy when the crash comes
                }
            }
        });
        if (!first.waitFor(180, TimeUnit.SECONDS)) {
            first.destroyForcibly();
            fail("the service did not crash at " + point + "; its log ends:\n" + tail(tmp.resolve(prefix + "first.log")));
        }
        assertEquals(CrashingService.HALTED, first.exitValue(), "halted at the probe, not stopped otherwise");
        assertEquals(List.of(), DurableOffsets.check(durability(kafka.bootstrapServers(), index, prefix)),
                "right after the crash, the committed offsets acknowledge only what is durable");
        Process second = serviceProcess(SemidServer.class, s, tmp.resolve(prefix + "second.log"));
        try {
            feeder.join();
            awaitTrue(Duration.ofSeconds(180), "every item committed after the restart", () -> committedItems(index) == ITEMS);
        } finally {
            second.destroy(); // SIGTERM: a clean stop commits
            if (!second.waitFor(60, TimeUnit.SECONDS)) second.destroyForcibly();
        }
        StreamChecker.Report r = StreamChecker.check(new StreamChecker.Settings(kafka.bootstrapServers(), prefix + "items",
                prefix + "semantic-ids", prefix + "dlq", prefix + "claims", index, items.cols(), 262_144));
        assertTrue(r.ok(), r.violations().toString());
        assertEquals(ITEMS, r.ids());
        System.out.printf("crash at %s #%d: %d input records, %d output records for %d items%n", point, n, r.inputRecords(), r.outputRecords(), r.ids());
        return (int) (r.outputRecords() - r.ids());
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
