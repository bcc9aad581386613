package dev.semid.lab.serve;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the output topic and stamps the moment each item's first ID appears: item n's key is
 * {@code s<n>}, so sent and seen times sit in two arrays by n.
 */
final class FirstIds implements AutoCloseable {
    private final long[] seen;
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread;

    FirstIds(String bootstrap, String topic, int capacity) {
        this.seen = new long[capacity];
        this.thread = Thread.ofPlatform().name("soak-output").daemon().start(() -> watch(bootstrap, topic));
    }

    private void watch(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "enable.auto.commit", false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            while (running && parts.isEmpty()) {
                var info = c.partitionsFor(topic, Duration.ofSeconds(5));
                if (info != null) info.forEach(p -> parts.add(new TopicPartition(topic, p.partition())));
                if (parts.isEmpty()) sleep(200);
            }
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(100))) {
                    if (r.value() == null || r.key() == null || !r.key().startsWith("s")) continue;
                    int n = Integer.parseInt(r.key(), 1, r.key().length(), 10);
                    if (n < seen.length && seen[n] == 0) {
                        seen[n] = System.nanoTime();
                        count.incrementAndGet();
                    }
                }
            }
        }
    }

    /** Items that have an ID so far. */
    int count() { return count.get(); }

    /** When item n's first ID was seen (System.nanoTime), or 0. */
    long seen(int n) { return seen[n]; }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
