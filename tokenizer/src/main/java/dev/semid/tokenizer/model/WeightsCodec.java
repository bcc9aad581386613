package dev.semid.tokenizer.model;

import dev.semid.tokenizer.data.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights of a {@link QuantizerModel} as bytes (weights.bin), in a fixed tensor order so the
 * same model always gives the same bytes (and so the same fingerprint).
 * Layout: magic "SEMIDW1\n", int32 count, then per tensor: int16 name length, UTF-8 name,
 * int32 rows, int32 cols, rows·cols float32 little-endian. Header ints are big-endian.
 */
public final class WeightsCodec {
    private static final byte[] MAGIC = "SEMIDW1\n".getBytes(StandardCharsets.US_ASCII);

    private WeightsCodec() {}

    public static Map<String, Matrix> tensors(QuantizerModel m) {
        Map<String, Matrix> t = new LinkedHashMap<>();
        if (m.inputMean() != null) {
            t.put("input.mean", new Matrix(1, m.inputDim(), m.inputMean()));
            t.put("input.scale", new Matrix(1, m.inputDim(), m.inputScale()));
        }
        for (int i = 0; i < m.encoder().size(); i++) putLayer(t, "encoder." + i, m.encoder().get(i));
        for (int l = 0; l < m.levels(); l++) t.put("codebook." + l, m.codebooks().get(l));
        for (int i = 0; i < m.decoder().size(); i++) putLayer(t, "decoder." + i, m.decoder().get(i));
        return t;
    }

    private static void putLayer(Map<String, Matrix> t, String name, DenseLayer l) {
        t.put(name + ".weight", l.weight());
        t.put(name + ".bias", new Matrix(1, l.out(), l.bias()));
    }

    public static byte[] encode(QuantizerModel m) { return encode(tensors(m)); }

    /** Named tensors in map order (a fixed order gives fixed bytes). */
    public static byte[] encode(Map<String, Matrix> t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(t.size());
            for (Map.Entry<String, Matrix> e : t.entrySet()) {
                byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
                out.writeShort(name.length);
                out.write(name);
                Matrix x = e.getValue();
                out.writeInt(x.rows());
                out.writeInt(x.cols());
                ByteBuffer bb = ByteBuffer.allocate(x.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                bb.asFloatBuffer().put(x.data());
                out.write(bb.array());
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory stream
        }
    }

    /** Parses weights.bin; {@code where} names the file in errors. */
    public static Map<String, Matrix> decode(byte[] data, String where) {
        ByteBuffer b = ByteBuffer.wrap(data);
        for (byte m : MAGIC)
            if (!b.hasRemaining() || b.get() != m) throw new ArtifactException(where + ": not a semid weights file (bad magic)");
        int count = need(b, 4, where, "tensor count").getInt();
        if (count < 0 || count > 10_000) throw new ArtifactException(where + ": implausible tensor count " + count);
        Map<String, Matrix> t = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            int len = need(b, 2, where, "tensor " + i + " name").getShort() & 0xffff;
            byte[] name = new byte[len];
            need(b, len, where, "tensor " + i + " name").get(name);
            String n = new String(name, StandardCharsets.UTF_8);
            int rows = need(b, 8, where, n + " shape").getInt(), cols = b.getInt();
            long size = (long) rows * cols;
            if (rows < 0 || cols < 0 || size * 4 > b.remaining())
                throw new ArtifactException(where + ": truncated or corrupt at tensor '" + n + "' (" + rows + "x" + cols
                        + " needs " + size * 4 + " bytes, " + b.remaining() + " left)");
            float[] v = new float[(int) size];
            b.slice(b.position(), (int) size * 4).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
            b.position(b.position() + (int) size * 4);
            t.put(n, new Matrix(rows, cols, v));
        }
        if (b.hasRemaining()) throw new ArtifactException(where + ": " + b.remaining() + " unexpected bytes after the last tensor");
        return t;
    }

    private static ByteBuffer need(ByteBuffer b, int n, String where, String what) {
        if (b.remaining() < n) throw new ArtifactException(where + ": truncated while reading " + what);
        return b;
    }

    /** Rebuilds layers "prefix.i.weight/bias" for i = 0, 1, ... */
    static List<DenseLayer> layers(Map<String, Matrix> t, String prefix) {
        List<DenseLayer> out = new ArrayList<>();
        for (int i = 0; t.containsKey(prefix + "." + i + ".weight"); i++) {
            Matrix bias = t.get(prefix + "." + i + ".bias");
            if (bias == null) throw new ArtifactException("weights: missing " + prefix + "." + i + ".bias");
            out.add(new DenseLayer(t.get(prefix + "." + i + ".weight"), bias.data()));
        }
        return out;
    }
}
