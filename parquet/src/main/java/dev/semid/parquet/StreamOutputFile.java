package dev.semid.parquet;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A Parquet {@link OutputFile} over a stream that {@code AtomicFiles} owns: Parquet writes the
 * bytes, AtomicFiles makes them durable and renames them into place (or removes them on failure).
 */
final class StreamOutputFile implements OutputFile {
    private final OutputStream out;

    StreamOutputFile(OutputStream out) { this.out = out; }

    @Override public PositionOutputStream create(long blockSizeHint) {
        return new PositionOutputStream() {
            private long pos;

            @Override public long getPos() { return pos; }

            @Override public void write(int b) throws IOException {
                out.write(b);
                pos++;
            }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                pos += len;
            }

            @Override public void flush() throws IOException { out.flush(); }

            @Override public void close() throws IOException { out.close(); }
        };
    }

    @Override public PositionOutputStream createOrOverwrite(long blockSizeHint) { return create(blockSizeHint); }

    @Override public boolean supportsBlockSize() { return false; }

    @Override public long defaultBlockSize() { return 0; }
}
