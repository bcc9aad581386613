package dev.semid.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.serving.kafka.EmbeddedKafka;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.tokenizer.data.Matrix;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** One service on a real in-process broker: the stream, the dead-letter topic and the HTTP API. */
class ServiceApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "s3cret";
    @TempDir static Path tmp;
    static EmbeddedKafka kafka;
    static SemidServer server;
    static Matrix items;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll static void start() throws Exception {
        kafka = broker(tmp.resolve("kafka"));
        items = smallModel(tmp.resolve("model"));
        Map<String, Object> p = settings(kafka.bootstrapServers(), tmp.resolve("model"), tmp.resolve("index"), "api-");
        p.put("semid.auth-token", TOKEN);
        p.put("semid.max-item-bytes", 4096);
        server = SemidServer.start(p);
        producer = producer(kafka.bootstrapServers());
        for (int i = 0; i < 300; i++) send(producer, "api-items", "i" + i, itemJson("i" + i, items.row(i), "\"title\":\"thing " + i + "\""));
        awaitTrue(Duration.ofSeconds(60), "300 items indexed", () -> server.engine().state() == StreamEngine.State.RUNNING
                && http(server.port(), "GET", "/model", null, null).body().contains("\"indexItems\":300"));
    }

    @AfterAll static void stop() {
        if (producer != null) producer.close();
        if (server != null) server.close(); // the service before the broker
        if (kafka != null) kafka.close();
    }

    static JsonNode get(String path, int status) throws Exception {
        Http r = http(server.port(), "GET", path, null, null);
        assertEquals(status, r.status(), path + " → " + r.body());
        return JSON.readTree(r.body());
    }

    @Test void itemsGetUniqueIdsOnTheOutputTopicAndInTheIndex() throws Exception {
        List<ConsumerRecord<String, byte[]>> out = readUntil(kafka.bootstrapServers(), "api-semantic-ids", Duration.ofSeconds(30),
                all -> latest(all).size() >= 300);
        Map<String, String> latest = latest(out);
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            JsonNode o = JSON.readTree(latest.get("i" + i));
            assertTrue(sids.add(o.get("sid").asText()), "unique: " + o);
            JsonNode item = get("/items/i" + i, 200);
            assertEquals(o.get("sid").asText(), item.get("sid").asText());
            assertEquals("thing " + i, item.get("payload").get("title").asText());
            assertEquals(get("/model", 200).get("fingerprint").asText(), o.get("model").asText());
        }
        assertEquals("java-simd", get("/model", 200).get("engine").asText(), "an RQ-KMeans model encodes in Java on the CPU");
    }

    @Test void lookupsBySidAndPrefixWithPagingAndChildren() throws Exception {
        JsonNode one = get("/items/i7", 200);
        String sid = one.get("sid").asText();
        assertEquals("i7", get("/sids/" + sid, 200).get("items").get(0).get("id").asText());
        String tuple = sid.substring(0, sid.lastIndexOf('-'));
        assertTrue(get("/sids/" + tuple, 200).get("items").size() >= 1);
        JsonNode root = get("/prefixes?limit=7", 200);
        assertEquals(300, root.get("total").asLong());
        assertEquals(7, root.get("items").size());
        long childSum = 0;
        for (JsonNode c : root.get("children")) childSum += c.get("count").asLong();
        assertEquals(300, childSum);
        Set<String> seen = new HashSet<>();
        String after = null;
        do {
            JsonNode page = get("/prefixes?limit=50" + (after == null ? "" : "&after=" + after), 200);
            page.get("items").forEach(e -> assertTrue(seen.add(e.get("id").asText())));
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);
        assertEquals(300, seen.size(), "pages cover every item once");
        String first = one.get("codes").get(0).asText();
        JsonNode sub = get("/prefixes/" + first, 200);
        assertTrue(sub.get("total").asLong() > 0);
        get("/items/nope", 404);
        assertTrue(get("/sids/1-x-0", 400).get("error").asText().contains("malformed"));
        assertTrue(get("/prefixes/1-99", 400).get("error").asText().contains("code 99"));
        get("/sids/15-15-15-200", 404);
        get("/prefixes/1?limit=0", 400);
    }

    @Test void tokenizeComputesCodesAndWritesNothing() throws Exception {
        String body = new String(itemJson("fresh", items.row(1500), null), StandardCharsets.UTF_8);
        Http r = http(server.port(), "POST", "/tokenize", body, null);
        assertEquals(200, r.status(), r.body());
        JsonNode res = JSON.readTree(r.body()).get("items").get(0);
        assertEquals(3, res.get("codes").size());
        assertTrue(res.get("sid").isNull(), "not in the index");
        Http known = http(server.port(), "POST", "/tokenize", "{\"items\":[" + new String(itemJson("i3", items.row(3), null)) + ","
                + new String(itemJson(null, items.row(4), null)) + "]}", null);
        JsonNode k = JSON.readTree(known.body()).get("items");
        assertEquals(get("/items/i3", 200).get("sid").asText(), k.get(0).get("sid").asText());
        assertEquals("1", k.get(1).get("id").asText(), "an id-less element is named by its position");
        get("/items/fresh", 404);
        Http bad = http(server.port(), "POST", "/tokenize", "{\"items\":[{\"id\":\"a\",\"embedding\":[1,2]}]}", null);
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("items[0]") && bad.body().contains("2 values, the model expects 32"), bad.body());
        assertEquals(400, http(server.port(), "POST", "/tokenize", "{not json", null).status());
        String huge = "{\"items\":[" + body + "]" + " ".repeat(17 << 20) + "}"; // 17 MB > micronaut.server.max-request-size
        assertEquals(413, http(server.port(), "POST", "/tokenize", huge, null).status());
    }

    @Test void writeEndpointsNeedTheBearerToken() throws Exception {
        String body = new String(itemJson("posted", items.row(1600), "\"title\":\"via http\""), StandardCharsets.UTF_8);
        assertEquals(401, http(server.port(), "POST", "/items", body, null).status());
        Http wrong = http(server.port(), "POST", "/items", body, "nope");
        assertEquals(401, wrong.status());
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").isPresent());
        Http ok = http(server.port(), "POST", "/items", body, TOKEN);
        assertEquals(202, ok.status(), ok.body());
        awaitTrue(Duration.ofSeconds(30), "posted item indexed", () -> http(server.port(), "GET", "/items/posted", null, null).status() == 200);
        assertEquals(400, http(server.port(), "POST", "/items", "{\"embedding\":[1]}", TOKEN).status());
        assertEquals(401, http(server.port(), "DELETE", "/items/posted", null, null).status());
        Http del = http(server.port(), "DELETE", "/items/posted", null, TOKEN);
        assertEquals(200, del.status(), del.body());
        get("/items/posted", 404);
        assertEquals(404, http(server.port(), "DELETE", "/items/posted", null, TOKEN).status());
        List<ConsumerRecord<String, byte[]>> out = readUntil(kafka.bootstrapServers(), "api-semantic-ids", Duration.ofSeconds(30),
                all -> all.stream().anyMatch(r -> r.key().equals("posted") && r.value() == null));
        assertFalse(latest(out).containsKey("posted"), "a tombstone on the output topic");
    }

    @Test void badMessagesGoToTheDeadLetterTopicAndTheStreamGoesOn() throws Exception {
        float[] v = items.row(10);
        Map<String, byte[]> bad = new java.util.LinkedHashMap<>();
        bad.put("invalid JSON", "{\"id\":\"b1\",\"embedding\":[1,2".getBytes(StandardCharsets.UTF_8));
        bad.put("32", itemJson("b2", new float[5], null)); // wrong dimension: the reason names the expected 32
        bad.put("NaN", itemJson("b3", v, null).clone());
        bad.put("missing id", itemJson(null, v, null));
        bad.put("oversized", itemJson("b5", v, "\"blob\":\"" + "x".repeat(5000) + "\""));
        bad.put("differ", itemJson("other", v, null));
        bad.put("empty value", new byte[0]);
        String nan = new String(bad.get("NaN"), StandardCharsets.UTF_8).replaceFirst("\\[[-0-9.E]+,", "[NaN,");
        bad.put("NaN", nan.getBytes(StandardCharsets.UTF_8));
        String[] keys = {"b1", "b2", "b3", null, "b5", "b6", "b7"};
        int k = 0;
        for (var e : bad.entrySet()) send(producer, "api-items", keys[k++], e.getValue());
        RecordHeaders h = new RecordHeaders();
        h.add("content-type", ItemDecoder.BINARY_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(new ProducerRecord<>("api-items", null, "bin-bad", new byte[12], h)).get();
        ByteBuffer ok = ByteBuffer.allocate(4 * 32).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : items.row(11)) ok.putFloat(f);
        producer.send(new ProducerRecord<>("api-items", null, "bin-good", ok.array(), h)).get();
        producer.send(new ProducerRecord<>("api-items", null, "x".repeat(ItemDecoder.MAX_ID_CHARS + 1), ok.array(), h)).get(); // ids are index terms
        producer.send(new ProducerRecord<>("api-items", null, "nul\0id", ok.array(), h)).get();
        send(producer, "api-items", "after-bad", itemJson("after-bad", items.row(12), null));

        List<ConsumerRecord<String, byte[]>> dlq = readUntil(kafka.bootstrapServers(), "api-dlq", Duration.ofSeconds(30), all -> all.size() >= 10);
        assertEquals(10, dlq.size());
        List<String> reasons = dlq.stream().map(r -> new String(r.headers().lastHeader("semid.error").value(), StandardCharsets.UTF_8)).toList();
        for (String expected : bad.keySet())
            assertTrue(reasons.stream().anyMatch(r -> r.contains(expected)), expected + " in " + reasons);
        assertTrue(reasons.stream().anyMatch(r -> r.contains("binary embedding has 12 bytes")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("id of 1025 characters; at most 1024")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("id contains a NUL character")), reasons.toString());
        for (var r : dlq) {
            assertEquals("api-items", new String(r.headers().lastHeader("semid.source.topic").value(), StandardCharsets.UTF_8));
            assertNotNull(r.headers().lastHeader("semid.source.offset"));
            assertNotNull(r.headers().lastHeader("semid.source.partition"));
        }
        awaitTrue(Duration.ofSeconds(30), "good items after the bad ones", () ->
                http(server.port(), "GET", "/items/after-bad", null, null).status() == 200
                        && http(server.port(), "GET", "/items/bin-good", null, null).status() == 200);
    }

    @Test void healthMetricsAndOpenApi() throws Exception {
        JsonNode ready = get("/health/readiness", 200);
        assertEquals("UP", ready.get("status").asText());
        Http prom = http(server.port(), "GET", "/prometheus", null, null);
        assertEquals(200, prom.status());
        for (String metric : List.of("semid_items_tokenized_total", "semid_items_assigned_total", "semid_latency_seconds_bucket",
                "semid_consumer_lag", "semid_drift_utilisation{level=\"1\"", "semid_drift_perplexity{level=\"3\"",
                "semid_drift_error_ratio", "semid_drift_tokens_left_min", "semid_items_spilled_total", "semid_items_dead_letters_total"))
            assertTrue(prom.body().contains(metric), metric);
        Http api = http(server.port(), "GET", "/swagger/semid-0.1.0.yml", null, null);
        assertEquals(200, api.status());
        assertTrue(api.body().contains("/items/{id}") && api.body().contains("/prefixes/{prefix}") && api.body().contains("/tokenize")
                && api.body().contains("/drift"));
        JsonNode drift = get("/drift", 200);
        assertTrue(drift.get("items").asInt() >= 300, drift.toString());
        assertEquals(3, drift.get("levels").size());
        assertTrue(drift.get("quantizationError").get("ratio").isNumber(), "the model carries its training items' error: " + drift);
    }
}
