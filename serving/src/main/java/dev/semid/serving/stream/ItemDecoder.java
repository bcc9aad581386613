package dev.semid.serving.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The input contract (topic {@code items}, and {@code POST /items}, {@code POST /tokenize}):
 * <ul>
 *   <li>JSON (default): {@code {"id": "17", "embedding": [0.1, …], …}}; {@code id} a string or an
 *       integer; it may be left out when the record key is the id, and must equal the key when both
 *       are there. Other fields become the item's payload (a JSON object), except the optional
 *       {@code "retokenize": true}, which asks for a new ID.</li>
 *   <li>Binary: header {@code content-type: application/x-semid-f32le}: the value is the embedding
 *       as D little-endian float32 values (4·D bytes), the key is the id; no payload.</li>
 * </ul>
 * Rejected, with the reason: empty or oversized values, invalid JSON, a missing or mismatched id,
 * an id with a NUL character or of more than {@value #MAX_ID_CHARS} characters,
 * a missing embedding, a wrong dimension, NaN, Infinity or non-numbers.
 */
public final class ItemDecoder {
    public static final String BINARY_CONTENT_TYPE = "application/x-semid-f32le";
    public static final int MAX_ID_CHARS = 1024;
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so that NaN is named as such, not as broken JSON
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final int dimension;
    private final int maxBytes;

    public ItemDecoder(int dimension, int maxBytes) {
        this.dimension = dimension;
        this.maxBytes = maxBytes;
    }

    public Item decode(String key, byte[] value, String contentType) {
        return decode(key, value == null ? null : ByteBuffer.wrap(value), contentType, null, 0);
    }

    /**
     * Decodes a record's value without copying it first (a heap buffer, e.g. a slice of the
     * consumer's fetch buffer). With {@code into}, the embedding is written there at
     * {@code offset} (a row of a batch) and the returned item carries none; binary values then go
     * from the fetch buffer to the batch in one copy.
     */
    public Item decode(String key, ByteBuffer value, String contentType, float[] into, int offset) {
        int bytes = value == null ? 0 : value.remaining();
        if (bytes == 0) throw new BadItemException("empty value");
        if (bytes > maxBytes) throw new BadItemException("oversized: " + bytes + " bytes > semid.max-item-bytes " + maxBytes);
        if (BINARY_CONTENT_TYPE.equals(contentType)) return binary(key, value, into, offset);
        Item item;
        try (JsonParser p = value.hasArray() ? JSON.createParser(value.array(), value.arrayOffset() + value.position(), bytes)
                : JSON.createParser(bytes(value))) {
            item = json(key, p);
        } catch (JsonProcessingException e) {
            throw new BadItemException("invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (into == null) return item;
        System.arraycopy(item.embedding(), 0, into, offset, dimension);
        return new Item(item.id(), null, item.payload(), item.retokenize());
    }

    /** The remaining bytes of a buffer, copied; its position is left as it was. */
    public static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private Item binary(String key, ByteBuffer value, float[] into, int offset) {
        if (key == null || key.isEmpty()) throw new BadItemException("missing id: a binary item needs the id as its record key");
        checkId(key);
        if (value.remaining() != 4 * dimension)
            throw new BadItemException("binary embedding has " + value.remaining() + " bytes, the model expects " + dimension + " float32 = " + 4 * dimension);
        float[] v = into == null ? new float[dimension] : into;
        int off = into == null ? 0 : offset;
        value.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v, off, dimension);
        for (int i = 0; i < dimension; i++) checkFinite(v[off + i], i);
        return new Item(key, into == null ? v : null, null, false);
    }

    /**
     * An HTTP body: one item object or {@code {"items": [...]}}, each element re-encoded as its own
     * JSON value (what {@code POST /items} publishes) and decoded. Errors name the element.
     * Without {@code requireId}, an element without an id gets its position as id.
     */
    public List<Map.Entry<Item, byte[]>> decodeBody(byte[] body, boolean requireId, int maxItems) {
        JsonNode root;
        try {
            root = TREE.readTree(body);
        } catch (IOException e) {
            throw new BadItemException("invalid JSON: " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) throw new BadItemException("expected a JSON object: an item, or {\"items\": [...]}");
        List<JsonNode> elements = new ArrayList<>();
        boolean batch = root.has("items") && !root.has("embedding");
        if (batch) {
            if (!root.get("items").isArray()) throw new BadItemException("field 'items' must be an array of items");
            root.get("items").forEach(elements::add);
        } else elements.add(root);
        if (elements.isEmpty()) throw new BadItemException("no items");
        if (elements.size() > maxItems) throw new BadItemException(elements.size() + " items in one request; at most " + maxItems);
        List<Map.Entry<Item, byte[]>> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            try {
                byte[] bytes = TREE.writeValueAsBytes(elements.get(i));
                String key = requireId || elements.get(i).has("id") ? null : Integer.toString(i);
                out.add(Map.entry(decode(key, bytes, null), bytes));
            } catch (BadItemException e) {
                throw new BadItemException(batch ? "items[" + i + "]: " + e.getMessage() : e.getMessage());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private Item json(String key, JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw new BadItemException("expected a JSON object");
        String id = null;
        float[] embedding = null;
        boolean retokenize = false;
        StringWriter payload = null;
        JsonGenerator g = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> {
                    if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT) throw new BadItemException("field 'id' must be a string or an integer");
                    id = p.getText();
                }
                case "embedding" -> embedding = embedding(p, t);
                case "retokenize" -> {
                    if (!t.isBoolean()) throw new BadItemException("field 'retokenize' must be true or false");
                    retokenize = t == JsonToken.VALUE_TRUE;
                }
                default -> {
                    if (g == null) {
                        payload = new StringWriter();
                        g = JSON.createGenerator(payload);
                        g.writeStartObject();
                    }
                    g.writeFieldName(field);
                    g.copyCurrentStructure(p);
                }
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) throw new BadItemException("expected a JSON object");
        if (g != null) {
            g.writeEndObject();
            g.close();
        }
        if (id == null && (key == null || key.isEmpty())) throw new BadItemException("missing id: no \"id\" field and no record key");
        if (id != null && key != null && !key.isEmpty() && !id.equals(key))
            throw new BadItemException("record key '" + key + "' and field id '" + id + "' differ");
        if (id == null) id = key;
        checkId(id);
        if (embedding == null) throw new BadItemException("item '" + id + "': missing field 'embedding'");
        return new Item(id, embedding, payload == null ? null : payload.toString(), retokenize);
    }

    private float[] embedding(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_ARRAY) throw new BadItemException("field 'embedding' must be an array of numbers");
        float[] v = new float[dimension];
        int n = 0;
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
            if (e == null) throw new BadItemException("invalid JSON: the embedding array is not closed");
            if (!e.isNumeric()) {
                if (e == JsonToken.VALUE_STRING || e.isStructStart()) throw new BadItemException("embedding[" + n + "] is not a number");
                throw new BadItemException("embedding[" + n + "] is " + p.getText() + ", not a number");
            }
            if (n < dimension) {
                float f = p.getFloatValue();
                checkFinite(f, n);
                v[n] = f;
            }
            n++;
        }
        if (n != dimension) throw new BadItemException("embedding has " + n + " values, the model expects " + dimension);
        return v;
    }

    /** Ids are index terms and travel in claims: no NUL (the index's separator), at most {@link #MAX_ID_CHARS}. */
    private static void checkId(String id) {
        if (id.isEmpty()) throw new BadItemException("empty id");
        if (id.length() > MAX_ID_CHARS) throw new BadItemException("id of " + id.length() + " characters; at most " + MAX_ID_CHARS);
        if (id.indexOf('\0') >= 0) throw new BadItemException("id contains a NUL character");
    }

    private static void checkFinite(float f, int i) {
        if (Float.isNaN(f)) throw new BadItemException("embedding[" + i + "] is NaN");
        if (Float.isInfinite(f)) throw new BadItemException("embedding[" + i + "] is " + (f > 0 ? "Infinity" : "-Infinity"));
    }

    static JsonFactory json() { return JSON; }
}
