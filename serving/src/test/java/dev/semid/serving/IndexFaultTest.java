package dev.semid.serving;

import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.check.StreamChecker;
import dev.semid.tokenizer.data.Matrix;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The index's disk misbehaving under a running stream ({@link FaultyStorage}): commits that fail,
 * a file that cannot be written, a full disk, fsyncs that stall. In each case the service takes
 * items on or stops and retries as designed, never commits an offset past what is durable (the
 * crash invariant, {@link DurableOffsets}, is checked again and again during the fault), recovers
 * when the fault clears, and the stream checker finds nothing lost and no ID twice.
 */
class IndexFaultTest extends BrokerTest {
    private static final int BEFORE = 100, DURING = 100;
    private static Matrix items;

    @BeforeAll static void model() throws Exception { items = smallModel(tmp.resolve("model")); }

    /** What a scenario does while its fault is on, with the service and the means to look at it. */
    @FunctionalInterface
    private interface During {
        void run(SemidServer server, Path index, String prefix) throws Exception;
    }

    @Test void failedCommitsHoldTheOffsetsBackAndTheStreamRecoversWhenTheFaultClears() throws Exception {
        FaultyStorage storage = new FaultyStorage();
        throughFault("fsync-", storage, () -> storage.failSyncs.set(true), () -> storage.failSyncs.set(false), (server, index, prefix) -> {
            awaitTrue(Duration.ofSeconds(60), "commits failing", () -> storage.faults.get() >= 3);
            long before = claimOffsets(prefix);
            holdsTheCrashInvariant(index, prefix, Duration.ofSeconds(3));
            assertEquals(BEFORE, committedItems(index), "nothing more is durable while syncs fail");
            assertEquals(before, claimOffsets(prefix), "no claims offset is committed past the last durable index commit");
            assertFalse(readUntil(kafka.bootstrapServers(), prefix + "claims", Duration.ofSeconds(10), l -> !l.isEmpty()).isEmpty(),
                    "while the assigner restarts, claims go through the claims topic (so the check above has something to hold back)");
        });
    }

    @Test void anIndexFileThatCannotBeWrittenRestartsTheAssignerOnTheLastCommit() throws Exception {
        FaultyStorage storage = new FaultyStorage();
        throughFault("file-", storage, () -> storage.filesBeforeFailure.set(2), () -> {}, (server, index, prefix) -> {
            awaitTrue(Duration.ofSeconds(60), "the write failed", () -> storage.faults.get() == 1);
            holdsTheCrashInvariant(index, prefix, Duration.ofSeconds(2));
        });
        assertEquals(1, storage.faults.get(), "one failed write");
    }

    @Test void aFullDiskStopsCommitsAndTheStreamResumesWhenSpaceIsFreed() throws Exception {
        FaultyStorage storage = new FaultyStorage();
        throughFault("full-", storage, () -> storage.fill(0), storage::free, (server, index, prefix) -> {
            awaitTrue(Duration.ofSeconds(60), "writes failing", () -> storage.faults.get() >= 3);
            awaitTrue(Duration.ofSeconds(30), "readiness down, naming the full disk", () -> {
                Http h = http(server.port(), "GET", "/health/readiness", null, null);
                return h.status() == 503 && h.body().contains("No space left on device");
            });
            holdsTheCrashInvariant(index, prefix, Duration.ofSeconds(4));
            assertEquals(BEFORE, committedItems(index), "nothing more is durable while the disk is full");
        });
    }

    @Test void stalledFsyncsDelayDurabilityButNotIds() throws Exception {
        FaultyStorage storage = new FaultyStorage();
        throughFault("slow-", storage, () -> storage.syncDelayMs.set(3_000), () -> storage.syncDelayMs.set(0), (server, index, prefix) -> {
            assertEquals(BEFORE + DURING, latest(readUntil(kafka.bootstrapServers(), prefix + "semantic-ids", Duration.ofSeconds(30),
                    l -> latest(l).size() >= BEFORE + DURING)).size(), "every item gets its ID while the index's fsyncs stall");
            holdsTheCrashInvariant(index, prefix, Duration.ofSeconds(4));
        });
    }

    /**
     * {@link #BEFORE} items streamed and committed on a healthy disk, then the fault on and
     * {@link #DURING} more items, {@code during}, the fault off; then every item must be committed
     * and the stream checker and the crash invariant must find nothing.
     */
    private void throughFault(String prefix, FaultyStorage storage, Runnable on, Runnable off, During during) throws Exception {
        Path index = tmp.resolve(prefix + "index");
        Map<String, Object> p = settings(kafka.bootstrapServers(), tmp.resolve("model"), index, prefix);
        try (SemidServer server = SemidServer.start(p, storage); KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            for (int i = 0; i < BEFORE; i++) send(producer, prefix + "items", "i" + i, itemJson("i" + i, items.row(i), null));
            awaitTrue(Duration.ofSeconds(90), BEFORE + " items committed", () -> committedItems(index) == BEFORE);
            on.run();
            for (int i = BEFORE; i < BEFORE + DURING; i++) send(producer, prefix + "items", "i" + i, itemJson("i" + i, items.row(i), null));
            during.run(server, index, prefix);
            off.run();
            awaitTrue(Duration.ofSeconds(90), "all committed once the fault clears", () -> committedItems(index) == BEFORE + DURING);
        }
        StreamChecker.Report r = StreamChecker.check(new StreamChecker.Settings(kafka.bootstrapServers(), prefix + "items",
                prefix + "semantic-ids", prefix + "dlq", prefix + "claims", index, items.cols(), 262_144));
        assertTrue(r.ok(), r.violations().toString());
        assertEquals(BEFORE + DURING, r.ids());
        assertEquals(java.util.List.of(), DurableOffsets.check(durability(kafka.bootstrapServers(), index, prefix)));
    }

    /** Checks the crash invariant over and over for this long: at no moment may an offset be committed past what is durable. */
    static void holdsTheCrashInvariant(Path index, String prefix, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        int checks = 0;
        do {
            assertEquals(java.util.List.of(), DurableOffsets.check(durability(kafka.bootstrapServers(), index, prefix)), "offsets committed past what is durable");
            checks++;
        } while (System.nanoTime() < end);
        assertTrue(checks >= 2);
    }

    /**
     * The sum of the assign group's committed claims offsets (0 while none is committed). Claims
     * handed over in memory hold their input offsets back until the index commit is durable; while
     * the assigner restarts after a failed commit, claims go through the claims topic, whose records
     * are durable in Kafka, and it is their offsets that must wait for the index.
     */
    private static long claimOffsets(String prefix) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> m = admin.listConsumerGroupOffsets(prefix + "semid-assign").partitionsToOffsetAndMetadata().get();
            return m.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
