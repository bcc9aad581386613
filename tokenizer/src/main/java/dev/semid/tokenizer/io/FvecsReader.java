package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.Matrix;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.function.IntFunction;

/**
 * Reads an {@code .fvecs} file (per vector: int32 little-endian dimension, then that many
 * float32 LE values) into a {@link Matrix}. The row count is derived from the file size and the
 * first dimension so the float[] is allocated once at its exact size; every vector's dimension
 * is still checked while streaming.
 */
public final class FvecsReader {
    private static final int BUFFER = 1 << 20;

    private FvecsReader() {}

    public static Matrix read(Path file) {
        return read(file, null);
    }

    /** @param rowIds item id of a row, used only to name the item in error messages; may be null */
    public static Matrix read(Path file, IntFunction<String> rowIds) {
        return Sources.readChannel(file, ch -> read(file, ch, rowIds));
    }

    private static Matrix read(Path file, FileChannel ch, IntFunction<String> rowIds) throws IOException {
        String src = Sources.name(file);
        long size = ch.size();
        if (size == 0) throw new InputException(src, null, "empty input: the file has no vectors");
        ChannelInput in = new ChannelInput(ch, BUFFER, ByteOrder.LITTLE_ENDIAN);
        if (in.ensure(Integer.BYTES) < Integer.BYTES)
            throw new InputException(src, "vector 0", "truncated: " + size + " bytes is too short for a 4-byte dimension");
        int dim = in.peekInt();
        if (dim <= 0)
            throw new InputException(src, "vector 0", "invalid dimension " + dim + " (not an .fvecs file?)");
        long recordBytes = Integer.BYTES + (long) dim * Float.BYTES;
        long rows = size / recordBytes;
        if (rows * dim > Sources.MAX_ARRAY)
            throw new InputException(src, null, "too large: " + rows + " x " + dim + " values exceed the largest Java array ("
                    + Sources.MAX_ARRAY + " values); split the file");

        float[] data = new float[(int) (rows * dim)];
        for (int r = 0; r < rows; r++) {
            if (in.ensure(Integer.BYTES) < Integer.BYTES) throw incomplete(src, r, rowIds, size, recordBytes);
            int d = in.peekInt();
            if (d != dim) throw ragged(src, r, rowIds, in.position(), d, dim);
            in.readInt();
            int off = r * dim;
            int n = in.readFloats(data, off, dim);
            if (n < dim) throw incomplete(src, r, rowIds, size, recordBytes);
            for (int i = off; i < off + dim; i++)
                if (!Float.isFinite(data[i]))
                    throw new InputException(src, "vector " + r + " (" + Sources.row(r, rowIds) + "), column " + (i - off),
                            "value is " + data[i] + "; embeddings must be finite (indices are 0-based)");
        }
        // Bytes left over are either the start of a vector with another dimension, or a cut-off vector.
        long left = size - in.position();
        if (left > 0) {
            if (in.ensure(Integer.BYTES) >= Integer.BYTES && in.peekInt() != dim)
                throw ragged(src, rows, rowIds, in.position(), in.peekInt(), dim);
            throw incomplete(src, rows, rowIds, size, recordBytes);
        }
        return new Matrix((int) rows, dim, data);
    }

    private static InputException ragged(String src, long r, IntFunction<String> rowIds, long offset, int d, int dim) {
        return new InputException(src, "vector " + r + " (byte " + offset + ")", "ragged dimensions: vector " + r
                + " has dimension " + d + " but vector 0 has dimension " + dim + (rowIds == null ? "" : " (" + Sources.row(r, rowIds) + ")"));
    }

    private static InputException incomplete(String src, long r, IntFunction<String> rowIds, long size,
                                             long recordBytes) {
        long start = r * recordBytes;
        return new InputException(src, "vector " + r, "truncated: vector " + r + " needs " + recordBytes + " bytes from byte "
                + start + " but only " + Math.max(0, size - start) + " are present (expected a file of "
                + (start + recordBytes) + " bytes, found " + size + ")" + (rowIds == null ? "" : " (" + Sources.row(r, rowIds) + ")"));
    }
}
