package dev.semid.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.data.Matrix;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The drift watch on a real broker: items like the model's training items (held out from its
 * training) trip nothing; the same items shifted by a constant vector move the gauges past
 * semid.drift.error-ratio and the service says so in its log, and says so again when the items are
 * back to normal.
 */
class DriftStreamTest extends BrokerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int WINDOW = 300;

    /** What the service logs (slf4j-simple writes to System.err), kept while it also goes where it went. */
    static final class LogCapture implements AutoCloseable {
        private final PrintStream original = System.err;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();

        LogCapture() {
            System.setErr(new PrintStream(new OutputStream() {
                @Override public void write(int b) {
                    original.write(b);
                    synchronized (seen) { seen.write(b); }
                }

                @Override public void write(byte[] b, int off, int len) {
                    original.write(b, off, len);
                    synchronized (seen) { seen.write(b, off, len); }
                }
            }, true, StandardCharsets.UTF_8));
        }

        String text() {
            synchronized (seen) { return seen.toString(StandardCharsets.UTF_8); }
        }

        @Override public void close() { System.setErr(original); }
    }

    static void stream(KafkaProducer<String, byte[]> p, String prefix, Matrix x, float shift) {
        for (int i = 0; i < x.rows(); i++) {
            float[] v = x.row(i);
            for (int j = 0; j < v.length; j++) v[j] += shift;
            p.send(new ProducerRecord<>("d-items", prefix + i, itemJson(prefix + i, v, null)));
        }
        p.flush();
    }

    static JsonNode drift(int port) {
        try {
            return JSON.readTree(http(port, "GET", "/drift", null, null).body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static double gauge(int port, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " (\\S+)$").matcher(http(port, "GET", "/prometheus", null, null).body());
        assertTrue(m.find(), name + " in /prometheus");
        return Double.parseDouble(m.group(1));
    }

    /** Waits until the window holds items streamed after {@code items} were counted, and the thresholds were looked at since. */
    static JsonNode settled(SemidServer s, double tokenizedBefore, int streamed) {
        StreamMetrics m = s.context().getBean(StreamMetrics.class);
        awaitTrue(Duration.ofSeconds(60), streamed + " items tokenized", () -> m.tokenized.count() >= tokenizedBefore + streamed);
        sleep(1_200); // past the once-a-second look at the thresholds
        return drift(s.port());
    }

    @Test void shiftedItemsMoveTheGaugesAndTheLogWhileItemsLikeTheTrainingItemsDoNot() throws Exception {
        Path model = tmp.resolve("model");
        Matrix x = smallModel(model), fresh = heldOut(400);
        Map<String, Object> p = settings(kafka.bootstrapServers(), model, tmp.resolve("index"), "d-");
        p.put("semid.drift.window", WINDOW);
        try (LogCapture log = new LogCapture();
             SemidServer s = SemidServer.start(p);
             KafkaProducer<String, byte[]> producer = producer(kafka.bootstrapServers())) {
            StreamMetrics m = s.context().getBean(StreamMetrics.class);
            stream(producer, "held-out-", fresh, 0); // 400 items the model was not trained on, of the same distribution
            JsonNode normal = settled(s, 0, fresh.rows());
            assertEquals(WINDOW, normal.get("items").asInt());
            assertTrue(normal.get("checked").asBoolean());
            double normalRatio = normal.get("quantizationError").get("ratio").asDouble();
            assertTrue(normalRatio > 0.5 && normalRatio < 1.5, "held-out items' error is like the training items': " + normal);
            assertEquals(0, normal.get("alerts").size(), normal.toString());
            assertEquals(0, gauge(s.port(), "semid_drift_alerts"));
            assertFalse(log.text().contains("DriftWatch - drift:"), "nothing logged for items like the training items");

            double before = m.tokenized.count();
            stream(producer, "shifted-", x.slice(0, WINDOW), 0.3f); // every coordinate + 0.3: far from what the codebooks were fitted to
            JsonNode shifted = settled(s, before, WINDOW);
            double ratio = shifted.get("quantizationError").get("ratio").asDouble();
            assertTrue(ratio > 1.5, "the error of shifted items is well above the training items': " + shifted);
            assertTrue(shifted.get("alerts").get(0).asText().startsWith("the quantization error of the last 300 items is"), shifted.toString());
            assertEquals(ratio, gauge(s.port(), "semid_drift_error_ratio"), 1e-6 * ratio);
            assertTrue(gauge(s.port(), "semid_drift_alerts") >= 1);
            double normalLast = normal.get("levels").get(2).get("perplexity").asDouble();
            assertTrue(gauge(s.port(), "semid_drift_perplexity{level=\"3\"}") < normalLast / 2,
                    "the shifted items crowd fewer last-level codes: " + shifted.get("levels"));
            assertTrue(log.text().contains("DriftWatch - drift: the quantization error of the last 300 items is"), "a log line when crossed");

            before = m.tokenized.count();
            stream(producer, "again-", fresh, 0);
            JsonNode back = settled(s, before, fresh.rows());
            assertEquals(0, back.get("alerts").size(), back.toString());
            assertTrue(log.text().contains("DriftWatch - drift over: the quantization error"), "and when it is over");
        }
    }
}
