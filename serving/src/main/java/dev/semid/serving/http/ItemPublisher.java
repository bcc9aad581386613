package dev.semid.serving.http;

import dev.semid.serving.ServiceSettings;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The HTTP write path's producer: items to the input topic, tombstones to the output topic. */
@Singleton
class ItemPublisher implements AutoCloseable {
    private final ServiceSettings settings;
    private volatile KafkaProducer<String, byte[]> producer;

    ItemPublisher(ServiceSettings settings) { this.settings = settings; }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null)
            synchronized (this) {
                if (producer == null)
                    producer = new KafkaProducer<>(Map.of("bootstrap.servers", settings.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
            }
        return producer;
    }

    /** Sends and waits for every acknowledgement. */
    void send(String topic, List<Map.Entry<String, byte[]>> records) {
        List<Future<?>> sends = new ArrayList<>(records.size());
        for (var r : records) sends.add(producer().send(new ProducerRecord<>(topic, r.getKey(), r.getValue())));
        for (Future<?> f : sends) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka did not acknowledge: " + e.getCause(), e.getCause());
            }
        }
    }

    ServiceSettings settings() { return settings; }

    @PreDestroy
    @Override public void close() {
        if (producer != null) producer.close();
    }
}
