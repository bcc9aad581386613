package dev.semid.serving.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.semid.tokenizer.io.JsonText;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The records the service writes:
 * <pre>
 *   claims (internal, one record per claims partition and poll, binary, see {@link #claims(List)}):
 *          version 2, count, then per claim: id, codes, source timestamp, flags, rank, payload, latent
 *   output (key = item id): {"id":"17","sid":"12-201-7-0","codes":[12,201,7,0],"model":"3f2a…","payload":{…}}
 *          and, when the ID is not in the tuple the quantizer chose (spilled from a full one),
 *          "spilled":true,"tuple":"12-201-6" (the quantizer's tuple) before the payload
 * </pre>
 * A null output value (tombstone) deletes the item. A claim that gets no ID goes to the
 * dead-letter topic as JSON ({@link #claimJson}), for people to read.
 */
public final class Codec {
    private static final JsonFactory JSON = ItemDecoder.json();
    /** Version 1 (no rank, no latent) is still read: claims an older instance left in the topic are not lost. */
    private static final byte CLAIMS_VERSION = 2, CLAIMS_VERSION_1 = 1;
    private static final int RETOKENIZE = 1, HAS_PAYLOAD = 2, HAS_LATENT = 4;

    /** One published ID as read back from the output topic. */
    public record Output(String id, SemanticId sid, String model, String payload) {}

    private Codec() {}

    /**
     * Claims in one record: {@code byte version, int count}, then per claim {@code UTF id,
     * byte levels, int codes[levels], long sourceTimestamp, byte flags (1 retokenize, 2 payload,
     * 4 latent), int rank, [int length, UTF-8 payload], [short d, float latent[d]]}, big-endian.
     * Binary because the claims hop is internal and runs once per item: a JSON object per claim
     * cost more than the assignment itself.
     */
    public static byte[] claims(List<Claim> claims) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 48 * claims.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CLAIMS_VERSION);
            out.writeInt(claims.size());
            for (Claim c : claims) {
                out.writeUTF(c.id());
                out.writeByte(c.tuple().levels());
                for (int l = 0; l < c.tuple().levels(); l++) out.writeInt(c.tuple().code(l));
                out.writeLong(c.sourceTimestamp());
                out.writeByte((c.retokenize() ? RETOKENIZE : 0) | (c.payload() != null ? HAS_PAYLOAD : 0) | (c.latent() != null ? HAS_LATENT : 0));
                out.writeInt(c.rank());
                if (c.payload() != null) {
                    byte[] p = c.payload().getBytes(StandardCharsets.UTF_8);
                    out.writeInt(p.length);
                    out.write(p);
                }
                if (c.latent() != null) {
                    out.writeShort(c.latent().length);
                    for (float v : c.latent()) out.writeFloat(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Bytes a claim adds to a {@link #claims(List)} record, about: for splitting records below Kafka's size limit. */
    public static int claimBytes(Claim c) {
        return 18 + 3 * c.id().length() + 4 * c.tuple().levels() + (c.payload() == null ? 0 : 4 + 3 * c.payload().length())
                + (c.latent() == null ? 0 : 2 + 4 * c.latent().length);
    }

    public static List<Claim> claims(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int version = in.readUnsignedByte();
            if (version != CLAIMS_VERSION && version != CLAIMS_VERSION_1)
                throw new IllegalArgumentException("claims record of unknown version " + version);
            int n = in.readInt();
            if (n < 0 || n > value.length) throw new IllegalArgumentException("claims record with a count of " + n);
            List<Claim> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                int[] codes = new int[in.readUnsignedByte()];
                for (int l = 0; l < codes.length; l++) codes[l] = in.readInt();
                long ts = in.readLong();
                int flags = in.readUnsignedByte();
                int rank = version == CLAIMS_VERSION_1 ? 0 : in.readInt();
                if (rank < 0) throw new IllegalArgumentException("claim of item '" + id + "' at rank " + rank);
                String payload = null;
                if ((flags & HAS_PAYLOAD) != 0) {
                    int len = in.readInt();
                    if (len < 0 || len > value.length) throw new IllegalArgumentException("claim payload of " + len + " bytes");
                    byte[] text = new byte[len];
                    in.readFully(text);
                    payload = new String(text, StandardCharsets.UTF_8);
                }
                float[] latent = null;
                if ((flags & HAS_LATENT) != 0) {
                    latent = new float[in.readUnsignedShort()];
                    for (int j = 0; j < latent.length; j++) latent[j] = in.readFloat();
                }
                out.add(new Claim(id, CodeTuple.of(codes), payload, (flags & RETOKENIZE) != 0, ts, latent, rank));
            }
            if (in.available() > 0) throw new IllegalArgumentException(in.available() + " bytes after the last claim");
            return out;
        } catch (EOFException e) {
            throw new IllegalArgumentException("truncated claims record", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A claim as JSON, for the dead-letter topic: {"id","codes","ts","retokenize","payload"}. */
    public static byte[] claimJson(Claim c) {
        StringBuilder b = new StringBuilder(64);
        b.append("{\"id\":");
        JsonText.appendString(b, c.id());
        b.append(",\"codes\":").append(Arrays.toString(c.tuple().toArray()).replace(" ", ""));
        b.append(",\"ts\":").append(c.sourceTimestamp()).append(",\"retokenize\":").append(c.retokenize());
        if (c.payload() != null) b.append(",\"payload\":").append(c.payload());
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An output record, written by hand: it is written once per item, and a JSON generator per
     * record costs more than the text. {@code quantized}: the item's quantizer tuple when its ID
     * is in another (spilled), else null.
     */
    public static byte[] output(String id, SemanticId sid, String model, String payload, CodeTuple quantized) {
        StringBuilder b = new StringBuilder(80 + id.length() + (payload == null ? 0 : payload.length()));
        b.append("{\"id\":");
        JsonText.appendString(b, id);
        b.append(",\"sid\":\"");
        sid.appendTo(b).append("\",\"codes\":[");
        for (int l = 0; l < sid.levels(); l++) b.append(sid.code(l)).append(',');
        b.append(sid.dedup()).append("],\"model\":");
        JsonText.appendString(b, model);
        if (quantized != null) quantized.appendTo(b.append(",\"spilled\":true,\"tuple\":\"")).append('"');
        if (payload != null) b.append(",\"payload\":").append(payload);
        return b.append('}').toString().getBytes(StandardCharsets.UTF_8);
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

    private interface Field { void read(String name, JsonParser p) throws IOException; }

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
