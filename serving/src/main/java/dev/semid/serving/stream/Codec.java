package dev.semid.serving.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the claims topic and of the output topic:
 * <pre>
 *   claim  (key = code tuple "12-201-7"): {"id":"17","codes":[12,201,7],"ts":1732…,"retokenize":false,"payload":{…}}
 *   output (key = item id):               {"id":"17","sid":"12-201-7-0","codes":[12,201,7,0],"model":"3f2a…","payload":{…}}
 * </pre>
 * A null output value (tombstone) deletes the item.
 */
public final class Codec {
    private static final JsonFactory JSON = ItemDecoder.json();

    /** One published ID as read back from the output topic. */
    public record Output(String id, SemanticId sid, String model, String payload) {}

    private Codec() {}

    public static byte[] claim(Claim c) {
        return write(g -> {
            g.writeStringField("id", c.id());
            g.writeArrayFieldStart("codes");
            for (int k : c.codes()) g.writeNumber(k);
            g.writeEndArray();
            g.writeNumberField("ts", c.sourceTimestamp());
            g.writeBooleanField("retokenize", c.retokenize());
            if (c.payload() != null) {
                g.writeFieldName("payload");
                g.writeRawValue(c.payload());
            }
        });
    }

    public static Claim claim(byte[] value) {
        String[] id = {null}, payload = {null};
        List<Integer> codes = new ArrayList<>();
        long[] ts = {0};
        boolean[] retok = {false};
        read(value, (field, p) -> {
            switch (field) {
                case "id" -> id[0] = p.getText();
                case "codes" -> { while (p.nextToken() != JsonToken.END_ARRAY) codes.add(p.getIntValue()); }
                case "ts" -> ts[0] = p.getLongValue();
                case "retokenize" -> retok[0] = p.getBooleanValue();
                case "payload" -> payload[0] = copy(p);
                default -> p.skipChildren();
            }
        });
        if (id[0] == null || codes.isEmpty()) throw new IllegalArgumentException("claim without id or codes");
        return new Claim(id[0], codes.stream().mapToInt(Integer::intValue).toArray(), payload[0], retok[0], ts[0]);
    }

    public static byte[] output(String id, SemanticId sid, String model, String payload) {
        return write(g -> {
            g.writeStringField("id", id);
            g.writeStringField("sid", sid.toString());
            g.writeArrayFieldStart("codes");
            for (int k : sid.withDedup()) g.writeNumber(k);
            g.writeEndArray();
            g.writeStringField("model", model);
            if (payload != null) {
                g.writeFieldName("payload");
                g.writeRawValue(payload);
            }
        });
    }

    public static Output output(byte[] value) {
        String[] id = {null}, sid = {null}, model = {null}, payload = {null};
        read(value, (field, p) -> {
            switch (field) {
                case "id" -> id[0] = p.getText();
                case "sid" -> sid[0] = p.getText();
                case "model" -> model[0] = p.getText();
                case "payload" -> payload[0] = copy(p);
                default -> p.skipChildren();
            }
        });
        if (id[0] == null || sid[0] == null) throw new IllegalArgumentException("output record without id or sid");
        return new Output(id[0], SemanticId.parse(sid[0]), model[0], payload[0]);
    }

    private interface Body { void write(JsonGenerator g) throws IOException; }

    private interface Field { void read(String name, JsonParser p) throws IOException; }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void read(byte[] value, Field field) {
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("expected a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                field.read(name, p);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getMessage(), e);
        }
    }

    private static String copy(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }
}
