package dev.semid.cli;

import dev.semid.serving.kafka.Pace;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.PayloadReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Send items from an embedding file to the service's input topic (JSON by default, or compact binary float32).")
final class ProduceCommand implements Callable<Integer> {
    @Mixin InputOptions input;
    @Option(names = "--kafka", required = true, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.") String kafka;
    @Option(names = "--topic", defaultValue = "items", description = "Input topic (default ${DEFAULT-VALUE}).") String topic;
    @Option(names = "--binary", description = "Value = little-endian float32 embedding, header content-type: "
            + ItemDecoder.BINARY_CONTENT_TYPE + " (no payload).") boolean binary;
    @Option(names = "--payload", paramLabel = "FILE", description = "TSV/CSV, item id first: the other columns become fields of each JSON item.")
    Path payload;
    @Option(names = "--rate", defaultValue = "0", description = "Items per second; 0 = as fast as possible (default).") double rate;
    @Option(names = "--limit", defaultValue = "0", description = "Send at most N items; 0 = all.") int limit;
    @Mixin RunOptions run;

    @Override public Integer call() {
        EmbeddingSet set = input.read();
        Map<String, String> payloads = payload == null ? Map.of() : PayloadReader.read(payload, List.of());
        int n = limit > 0 ? Math.min(limit, set.size()) : set.size();
        ProgressBar progress = run.progress();
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka, "acks", "all", "linger.ms", 5,
                "batch.size", 262_144), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String id = set.ids().get(i);
                float[] v = set.vectors().row(i);
                ProducerRecord<String, byte[]> r;
                if (binary) {
                    ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
                    for (float f : v) b.putFloat(f);
                    RecordHeaders h = new RecordHeaders();
                    h.add("content-type", ItemDecoder.BINARY_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    r = new ProducerRecord<>(topic, null, id, b.array(), h);
                } else r = new ProducerRecord<>(topic, id, json(id, v, payloads.get(id)));
                p.send(r);
                if (rate > 0) Pace.await(t0, i + 1, rate);
                if ((i & 1023) == 0) progress.task("producing", i, n);
            }
            p.flush();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        progress.task("producing", n, n);
        System.out.printf("%d items → %s at %s (%.1f s, %.0f items/s)%n", n, topic, kafka, s, n / s);
        return 0;
    }

    /** {"id":…,"embedding":[…]} plus the payload object's fields; without an id (null), the record key carries it. */
    private static byte[] json(String id, float[] v, String payloadObject) {
        StringBuilder sb = new StringBuilder(16 * v.length + 64).append('{');
        if (id != null) sb.append("\"id\":").append(Json.text(id)).append(',');
        sb.append("\"embedding\":[");
        for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(v[j]);
        sb.append(']');
        if (payloadObject != null && payloadObject.length() > 2) sb.append(',').append(payloadObject, 1, payloadObject.length() - 1);
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
