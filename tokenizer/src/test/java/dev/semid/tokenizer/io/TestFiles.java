package dev.semid.tokenizer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writers for test inputs, implemented from the format descriptions (no NumPy needed). */
final class TestFiles {
    private TestFiles() {}

    /** A standard header dict as NumPy writes it. */
    static String dict(String descr, boolean fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
    }

    /**
     * Writes magic, version, header length and the dict padded with spaces and ended by '\n' so
     * that magic + version + length + header is a multiple of 64 bytes, then the data.
     */
    static Path npy(Path file, int major, String dict, byte[] data) throws IOException {
        int lenBytes = major == 1 ? 2 : 4;
        int prefix = 6 + 2 + lenBytes;
        byte[] text = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int total = prefix + text.length + 1;
        int padded = (total + 63) / 64 * 64;
        int headerLen = padded - prefix;
        ByteBuffer b = ByteBuffer.allocate(padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) major).put((byte) 0);
        if (major == 1) b.putShort((short) headerLen);
        else b.putInt(headerLen);
        b.put(text);
        for (int i = text.length; i < headerLen - 1; i++) b.put((byte) ' ');
        b.put((byte) '\n');
        if (b.position() % 64 != 0) throw new AssertionError("header not aligned");
        b.put(data);
        Files.write(file, b.array());
        return file;
    }

    static Path npy(Path file, String descr, int rows, int cols, byte[] data) throws IOException {
        return npy(file, 1, dict(descr, false, "(" + rows + ", " + cols + ")"), data);
    }

    static byte[] f4(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) b.putFloat(v);
        return b.array();
    }

    static byte[] f8(ByteOrder order, double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(order);
        for (double v : values) b.putDouble(v);
        return b.array();
    }

    /** An .fvecs file; each row may have its own length (for ragged-input tests). */
    static Path fvecs(Path file, float[]... rows) throws IOException {
        int bytes = 0;
        for (float[] r : rows) bytes += 4 + 4 * r.length;
        ByteBuffer b = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] r : rows) {
            b.putInt(r.length);
            for (float v : r) b.putFloat(v);
        }
        Files.write(file, b.array());
        return file;
    }

    /** Deterministic values spanning signs, magnitudes and subnormals. */
    static float[] values(int n, long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 7) {
                case 0 -> Float.MIN_VALUE;
                case 1 -> -0.0f;
                case 2 -> Float.MAX_VALUE * (rnd.nextBoolean() ? 1 : -1);
                default -> (float) rnd.nextGaussian() * (float) Math.pow(10, rnd.nextInt(20) - 10);
            };
        }
        return v;
    }

    static Path withSize(Path file, long size) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
        return file;
    }
}
