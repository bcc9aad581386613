package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.Matrix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Reads a 2-D float32/float64 NumPy {@code .npy} file (format 1.0, 2.0 or 3.0, C order) into a
 * {@link Matrix}. Values stream through one reusable buffer into a float[] of exactly rows*cols,
 * so the matrix is held once; float64 is narrowed value by value.
 */
public final class NpyReader {
    static final List<String> SUPPORTED_DTYPES = List.of("<f4", ">f4", "<f8", ">f8");
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int BUFFER = 1 << 20;
    private static final int MAX_HEADER = 1 << 20; // NumPy itself caps headers far below this

    private NpyReader() {}

    public static Matrix read(Path file) {
        return read(file, null);
    }

    /**
     * @param rowIds item id of a row, used only to name the item in error messages; may be null
     *               or return null for unknown rows
     */
    public static Matrix read(Path file, IntFunction<String> rowIds) {
        return Sources.readChannel(file, ch -> read(file, ch, rowIds));
    }

    private static Matrix read(Path file, FileChannel ch, IntFunction<String> rowIds) throws IOException {
        String src = Sources.name(file);
        long size = ch.size();

        ByteBuffer preamble = ByteBuffer.allocate(MAGIC.length + 2).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, preamble);
        preamble.flip();
        for (int i = 0; i < MAGIC.length; i++)
            if (preamble.remaining() <= i || preamble.get(i) != MAGIC[i])
                throw new InputException(src, "byte 0", "not a NumPy .npy file (missing the \\x93NUMPY magic string)");
        if (preamble.remaining() < MAGIC.length + 2)
            throw new InputException(src, "header", "truncated: the file ends inside the .npy preamble");
        int major = preamble.get(6) & 0xff, minor = preamble.get(7) & 0xff;
        if (major < 1 || major > 3 || minor != 0)
            throw new InputException(src, "header", "unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");

        // 1.0 stores the header length in 2 bytes; 2.0 and 3.0 in 4 bytes (3.0 also allows UTF-8).
        int lenBytes = major == 1 ? 2 : 4;
        ByteBuffer lenBuf = ByteBuffer.allocate(lenBytes).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf);
        if (lenBuf.hasRemaining()) throw new InputException(src, "header", "truncated: the file ends inside the .npy preamble");
        lenBuf.flip();
        long headerLen = major == 1 ? (lenBuf.getShort() & 0xffff) : (lenBuf.getInt() & 0xffffffffL);
        long dataOffset = MAGIC.length + 2 + lenBytes + headerLen;
        if (headerLen > MAX_HEADER || dataOffset > size)
            throw new InputException(src, "header", "truncated or corrupt: header length " + headerLen
                    + " does not fit in a file of " + size + " bytes");
        ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
        readFully(ch, headerBuf);
        String headerText = new String(headerBuf.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        NpyHeader header;
        try {
            header = NpyHeader.parse(headerText);
        } catch (NpyHeader.Malformed e) {
            throw new InputException(src, "header", "malformed .npy header: " + e.getMessage());
        }
        if (!(header.descr() instanceof String dtype) || !SUPPORTED_DTYPES.contains(dtype))
            throw new InputException(src, "header", "unsupported dtype " + describe(header.descr())
                    + "; supported dtypes: " + String.join(", ", SUPPORTED_DTYPES) + " (float32/float64, either byte order)");
        if (header.fortranOrder())
            throw new InputException(src, "header", "fortran_order is True; only C-order arrays are supported"
                    + " (save with np.save(path, np.ascontiguousarray(a)))");
        List<Long> shape = header.shape();
        if (shape.size() != 2)
            throw new InputException(src, "header", "shape " + shapeText(shape) + " is " + shape.size()
                    + "-D; expected a 2-D array (items x dimensions)");
        long rows = shape.get(0), cols = shape.get(1);
        if (rows == 0 || cols == 0)
            throw new InputException(src, "header", "empty input: shape " + shapeText(shape) + " has no "
                    + (rows == 0 ? "rows" : "columns"));
        if (rows > Sources.MAX_ARRAY || cols > Sources.MAX_ARRAY || rows * cols > Sources.MAX_ARRAY)
            throw new InputException(src, "header", "too large: " + rows + " x " + cols + " values exceed the largest"
                    + " Java array (" + Sources.MAX_ARRAY + " values); split the file");

        int width = dtype.endsWith("8") ? Double.BYTES : Float.BYTES;
        long rowBytes = cols * width;
        long expected = rows * rowBytes;
        long present = size - dataOffset;
        if (present < expected)
            throw new InputException(src, Sources.row(present / rowBytes, rowIds), "truncated: expected " + expected
                    + " data bytes (" + rows + " x " + cols + " " + dtype + ") after the " + dataOffset + "-byte header, but "
                    + present + " are present; row " + (present / rowBytes) + " is incomplete");
        if (present > expected)
            throw new InputException(src, "byte " + (dataOffset + expected), (present - expected)
                    + " bytes of trailing data after the last row (expected a file of " + (dataOffset + expected)
                    + " bytes, found " + size + ")");

        ByteOrder order = dtype.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ChannelInput in = new ChannelInput(ch, BUFFER, order);
        float[] data = new float[(int) (rows * cols)];
        int c = (int) cols;
        if (width == Float.BYTES) readFloat32(src, in, data, c, rowIds, dataOffset);
        else readFloat64(src, in, data, c, rowIds, dataOffset);
        return new Matrix((int) rows, c, data);
    }

    private static void readFloat32(String src, ChannelInput in, float[] data, int cols, IntFunction<String> rowIds,
                                    long dataOffset) throws IOException {
        int chunk = BUFFER / Float.BYTES;
        for (int pos = 0; pos < data.length; ) {
            int n = in.readFloats(data, pos, Math.min(chunk, data.length - pos));
            if (n == 0) throw shrunk(src, pos, cols, Float.BYTES, rowIds, dataOffset);
            for (int i = pos; i < pos + n; i++)
                if (!Float.isFinite(data[i])) throw nonFinite(src, i, cols, rowIds, String.valueOf(data[i]));
            pos += n;
        }
    }

    private static void readFloat64(String src, ChannelInput in, float[] data, int cols, IntFunction<String> rowIds,
                                    long dataOffset) throws IOException {
        double[] scratch = new double[BUFFER / Double.BYTES]; // one buffer's worth, never the whole file
        for (int pos = 0; pos < data.length; ) {
            int n = in.readDoubles(scratch, 0, Math.min(scratch.length, data.length - pos));
            if (n == 0) throw shrunk(src, pos, cols, Double.BYTES, rowIds, dataOffset);
            for (int j = 0; j < n; j++) {
                double v = scratch[j];
                float f = (float) v;
                if (!Float.isFinite(f))
                    throw nonFinite(src, pos + j, cols, rowIds, Double.isFinite(v) ? v + " (outside the float32 range)" : String.valueOf(v));
                data[pos + j] = f;
            }
            pos += n;
        }
    }

    private static InputException nonFinite(String src, int index, int cols, IntFunction<String> rowIds, String value) {
        return new InputException(src, Sources.row(index / cols, rowIds) + ", column " + (index % cols),
                "value is " + value + "; embeddings must be finite (rows and columns are 0-based)");
    }

    // The size was checked up front, so this only happens if the file shrinks while being read.
    private static InputException shrunk(String src, int index, int cols, int width, IntFunction<String> rowIds, long dataOffset) {
        return new InputException(src, Sources.row(index / cols, rowIds), "truncated: the file ended after "
                + (dataOffset + (long) index * width) + " bytes while reading; row " + (index / cols) + " is incomplete"
                + " (was the file modified during reading?)");
    }

    private static void readFully(FileChannel ch, ByteBuffer dst) throws IOException {
        while (dst.hasRemaining() && ch.read(dst) >= 0) { /* keep reading */ }
    }

    private static String describe(Object descr) {
        return descr instanceof String s ? "'" + s + "'" : String.valueOf(descr) + " (structured arrays are not supported)";
    }

    private static String shapeText(List<Long> shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.size(); i++) sb.append(i > 0 ? ", " : "").append(shape.get(i));
        return sb.append(shape.size() == 1 ? ",)" : ")").toString();
    }
}
