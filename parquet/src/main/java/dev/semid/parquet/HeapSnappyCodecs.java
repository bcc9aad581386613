package dev.semid.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * parquet-java's codecs, except that Snappy pages (pyarrow's default) are decompressed on the
 * heap with snappy-java's array API: parquet-java's own Snappy codec frees direct buffers through
 * {@code sun.misc.Unsafe}, which JDK 24 and later warn about on the console.
 */
final class HeapSnappyCodecs implements CompressionCodecFactory {
    private final CompressionCodecFactory others;

    HeapSnappyCodecs(CompressionCodecFactory others) { this.others = others; }

    @Override public BytesInputCompressor getCompressor(CompressionCodecName codec) { return others.getCompressor(codec); }

    @Override public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return codec == CompressionCodecName.SNAPPY ? new SnappyPages() : others.getDecompressor(codec);
    }

    @Override public void release() { others.release(); }

    private static final class SnappyPages implements BytesInputDecompressor {
        @Override public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] in = bytes.toByteArray();
            byte[] out = new byte[uncompressedSize];
            check(Snappy.uncompress(in, 0, in.length, out, 0), uncompressedSize);
            return BytesInput.from(out);
        }

        @Override public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.duplicate().get(in);
            byte[] out = new byte[uncompressedSize];
            check(Snappy.uncompress(in, 0, compressedSize, out, 0), uncompressedSize);
            output.duplicate().put(out);
        }

        private static void check(int got, int expected) throws IOException {
            if (got != expected) throw new IOException("a Snappy page decompressed to " + got + " bytes, its header says " + expected);
        }

        @Override public void release() {}
    }
}
