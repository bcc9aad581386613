package dev.semid.serving;

import dev.semid.index.IndexStorage;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.serving.check.StreamChecker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Index commits that fail (every fsync throws while the fault is on): the stream goes on into the
 * index's uncommitted view, commits no claims offsets past the last durable index commit, and when
 * the fault clears it commits everything; the checker then finds nothing lost and no ID twice.
 */
class IndexFaultTest extends BrokerTest {
    /** A file-system index whose syncs throw while {@code failing} is set. */
    static final class FailingSyncs implements IndexStorage {
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger failed = new AtomicInteger();

        @Override public org.apache.lucene.store.Directory open(Path dir) throws IOException {
            return new FilterDirectory(FSDirectory.open(dir)) {
                @Override public void sync(Collection<String> names) throws IOException {
                    if (failing.get()) {
                        failed.incrementAndGet();
                        throw new IOException("injected: fsync failed");
                    }
                    super.sync(names);
                }
            };
        }
    }

    @Test void failedCommitsHoldTheOffsetsBackAndTheStreamRecoversWhenTheFaultClears() throws Exception {
        var items = smallModel(tmp.resolve("model"));
        Path index = tmp.resolve("index");
        Map<String, Object> p = settings(kafka.bootstrapServers(), tmp.resolve("model"), index, "flt-");
        FailingSyncs storage = new FailingSyncs();
        try (SemidServer server = SemidServer.start(p, storage); KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers());
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            for (int i = 0; i < 100; i++) send(producer, "flt-items", "i" + i, itemJson("i" + i, items.row(i), null));
            awaitTrue(Duration.ofSeconds(90), "100 items committed", () -> committedItems(index) == 100);
            long before = claimOffsets(admin);

            storage.failing.set(true);
            for (int i = 100; i < 200; i++) send(producer, "flt-items", "i" + i, itemJson("i" + i, items.row(i), null));
            awaitTrue(Duration.ofSeconds(60), "commits failing", () -> storage.failed.get() >= 3);
            sleep(2_000);
            assertEquals(100, committedItems(index), "nothing more is durable while syncs fail");
            assertEquals(before, claimOffsets(admin), "no claims offset is committed past the last durable index commit");
            assertFalse(readUntil(kafka.bootstrapServers(), "flt-claims", Duration.ofSeconds(10), l -> !l.isEmpty()).isEmpty(),
                    "while the assigner restarts, claims go through the claims topic (so the check above has something to hold back)");

            storage.failing.set(false);
            awaitTrue(Duration.ofSeconds(90), "all 200 committed once the fault clears", () -> committedItems(index) == 200);
        }
        StreamChecker.Report r = StreamChecker.check(new StreamChecker.Settings(kafka.bootstrapServers(), "flt-items", "flt-semantic-ids", "flt-dlq",
                "flt-claims", index, items.cols(), 262_144));
        assertTrue(r.ok(), r.violations().toString());
        assertEquals(200, r.ids());
    }

    /** Items in the index's last commit on disk (what survives a crash). */
    private static long committedItems(Path index) {
        try (SidIndexReader r = SidIndexReader.open(index, null)) {
            return r.read(SidLookup::size);
        } catch (RuntimeException e) {
            return -1; // no commit yet
        }
    }

    /**
     * The sum of the assign group's committed claims offsets (0 while none is committed). Claims
     * handed over in memory hold their input offsets back until the index commit is durable; while
     * the assigner restarts after a failed commit, claims go through the claims topic, whose records
     * are durable in Kafka, and it is their offsets that must wait for the index.
     */
    private static long claimOffsets(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets("flt-semid-assign").partitionsToOffsetAndMetadata().get();
            return m.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
