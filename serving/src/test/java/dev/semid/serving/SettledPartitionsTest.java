package dev.semid.serving;

import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.serving.stream.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** A producer's first record to each partition is acknowledged before the next goes out; order holds from a fresh topic's first write. */
class SettledPartitionsTest {
    @TempDir static Path tmp;
    static EmbeddedKafka kafka;

    @BeforeAll static void broker() { kafka = ServiceFixture.broker(tmp.resolve("kafka")); }

    @AfterAll static void stop() { if (kafka != null) kafka.close(); }

    /** An idempotent producer with five requests in flight, as the stages use. */
    static KafkaProducer<String, byte[]> stageProducer() {
        return new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "enable.idempotence", true,
                "linger.ms", 0, "max.in.flight.requests.per.connection", 5), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
    }

    @Test void theFirstRecordToEachPartitionIsAcknowledgedBeforeSendReturns() {
        createTopic(kafka.bootstrapServers(), "settle", 3);
        SettledPartitions s = new SettledPartitions();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> p = stageProducer()) {
            Runnable flush = () -> {
                p.flush();
                if (failed.get() != null) throw new IllegalStateException(failed.get());
            };
            for (int partition = 0; partition < 3; partition++) {
                AtomicBoolean acked = new AtomicBoolean();
                s.send(p, new ProducerRecord<>("settle", partition, null, new byte[] {1}), (md, e) -> {
                    if (e != null) failed.set(e);
                    acked.set(true);
                }, flush);
                assertTrue(acked.get(), "partition " + partition + "'s first record acknowledged on return");
                assertEquals(partition + 1, s.settled("settle"));
            }
            // a keyed record settles the partition Kafka's partitioner puts it in
            createTopic(kafka.bootstrapServers(), "settle-keyed", 4);
            String key = "item-17";
            int expected = Topics.partitionOf(key.getBytes(StandardCharsets.UTF_8), 4);
            AtomicReference<Integer> landed = new AtomicReference<>();
            s.send(p, new ProducerRecord<>("settle-keyed", key, new byte[] {2}), (md, e) -> landed.set(e == null ? md.partition() : -1), flush);
            assertEquals(expected, landed.get(), "acknowledged on return, in the partition computed for its key");
            assertEquals(1, s.settled("settle-keyed"));
            s.send(p, new ProducerRecord<>("settle-keyed", null, new byte[] {3}), null, () -> fail("a record with neither key nor partition is not waited for"));
            s.clear();
            assertEquals(0, s.settled("settle"), "a new producer starts unsettled");
        }
        assertNull(failed.get());
    }

    @Test void recordsSentTheMomentATopicIsCreatedArriveInOrder() {
        int n = 20_000, partitions = 4;
        SettledPartitions s = new SettledPartitions();
        try (KafkaProducer<String, byte[]> p = stageProducer()) {
            // connected and warm when the topic appears: the first batches go out while its partitions are still being set up
            createTopic(kafka.bootstrapServers(), "warm", 1);
            s.send(p, new ProducerRecord<>("warm", 0, null, new byte[1]), null, p::flush);
            createTopic(kafka.bootstrapServers(), "fresh", partitions);
            for (int i = 0; i < n; i++)
                s.send(p, new ProducerRecord<>("fresh", i % partitions, null, ByteBuffer.allocate(4).putInt(i).array()), null, p::flush);
            p.flush();
        }
        var records = readUntil(kafka.bootstrapServers(), "fresh", Duration.ofSeconds(60), all -> all.size() >= n);
        assertEquals(n, records.size());
        int[] last = {-1, -1, -1, -1};
        for (var r : records) {
            int i = ByteBuffer.wrap(r.value()).getInt();
            assertEquals(r.partition(), i % partitions);
            assertTrue(i > last[r.partition()], "record " + i + " after " + last[r.partition()] + " in partition " + r.partition());
            last[r.partition()] = i;
        }
    }
}
