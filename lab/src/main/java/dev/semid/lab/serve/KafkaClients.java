package dev.semid.lab.serve;

import dev.semid.serving.stream.ItemDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The load's Kafka clients and records, configured alike for every run of the benchmark. */
final class KafkaClients {
    private KafkaClients() {}

    /** The load's producer: Kafka 4's defaults (linger 5 ms) but for larger batches. */
    static KafkaProducer<String, byte[]> producer(String bs) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bs, "acks", "all", "linger.ms", 5, "batch.size", 262_144),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer of every partition of {@code topics}, from their ends: it sees what is sent after it started. */
    static KafkaConsumer<String, byte[]> consumer(String bs, List<String> topics) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bs, "fetch.max.wait.ms", 5), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> parts = topics.stream().flatMap(t -> c.partitionsFor(t).stream()).map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(parts);
        c.seekToEnd(parts);
        parts.forEach(c::position);
        return c;
    }

    /** A binary value carries its content type in a header; a JSON one needs none. */
    static ProducerRecord<String, byte[]> record(String topic, String id, byte[] value, boolean binary) {
        if (!binary) return new ProducerRecord<>(topic, id, value);
        RecordHeaders h = new RecordHeaders();
        h.add("content-type", ItemDecoder.BINARY_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, id, value, h);
    }

    static void createTopic(String bs, String topic, int partitions) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bs))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }
}
