package dev.semid.serving;

import dev.semid.serving.stream.Topics;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keeps a producer's records in order per partition from its very first write. A broker that
 * holds no state for a producer on a partition accepts whatever sequence number comes first, so
 * while a new producer's first batch to a partition is being retried (the partition was just
 * created, its leader just moved) the second batch can land first, and the two are appended
 * swapped, idempotence notwithstanding. Once one write is acknowledged the broker checks every
 * later sequence number. So the first record to each partition is acknowledged before anything
 * else is sent: one wait per partition in a producer's life.
 */
final class SettledPartitions {
    private final Map<String, Set<Integer>> settled = new HashMap<>();
    private final Set<String> wholeTopics = new HashSet<>();

    /**
     * Sends {@code r}; if it is the first record to its partition, runs {@code flush} (which must
     * wait for every send so far and throw if one failed) before returning. A record with neither
     * key nor partition goes where the producer puts it, unchecked: it needs no order.
     */
    void send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> r, Callback done, Runnable flush) {
        producer.send(r, done);
        if (wholeTopics.contains(r.topic()) || r.partition() == null && r.key() == null) return;
        int partitions = producer.partitionsFor(r.topic()).size();
        int p = r.partition() != null ? r.partition() : Topics.partitionOf(r.key().getBytes(StandardCharsets.UTF_8), partitions);
        Set<Integer> s = settled.computeIfAbsent(r.topic(), t -> new HashSet<>());
        if (!s.add(p)) return;
        if (s.size() >= partitions) wholeTopics.add(r.topic());
        flush.run();
    }

    /** Partitions of {@code topic} settled so far. */
    int settled(String topic) { return settled.getOrDefault(topic, Set.of()).size(); }

    /** A new producer starts with nothing settled. */
    void clear() {
        settled.clear();
        wholeTopics.clear();
    }
}
