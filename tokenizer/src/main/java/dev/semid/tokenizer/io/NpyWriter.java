package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.Matrix;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a matrix as a NumPy v1.0 `.npy` file ({@code <f4}, C order), atomically. */
public final class NpyWriter {
    private NpyWriter() {}

    public static void write(Path target, Matrix m) throws IOException {
        AtomicFiles.write(target, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + m.rows() + ", " + m.cols() + "), }";
            // magic (6) + version (2) + header length (2) + dict + padding + '\n' is a multiple of 64
            int unpadded = 10 + dict.length() + 1;
            String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(header.length() & 0xff);
            out.write(header.length() >>> 8);
            out.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer bb = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : m.data()) {
                if (!bb.hasRemaining()) {
                    out.write(bb.array(), 0, bb.position());
                    bb.clear();
                }
                bb.putFloat(v);
            }
            out.write(bb.array(), 0, bb.position());
            out.flush();
        });
    }
}
