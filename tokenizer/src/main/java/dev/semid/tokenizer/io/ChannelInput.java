package dev.semid.tokenizer.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;

/**
 * A read buffer over a channel for binary readers: values are decoded straight from one
 * reusable direct buffer into the caller's array, so a file is never held twice in memory.
 */
final class ChannelInput {
    private final ReadableByteChannel channel;
    private final ByteBuffer buf;
    private long fetched;          // bytes read from the channel so far
    private boolean eof;

    ChannelInput(ReadableByteChannel channel, int capacity, ByteOrder order) {
        this.channel = channel;
        this.buf = ByteBuffer.allocateDirect(capacity).order(order);
        buf.flip(); // start empty, in read mode
    }

    /** Offset in the stream of the next unconsumed byte. */
    long position() { return fetched - buf.remaining(); }

    /** Buffers at least {@code n} bytes if the stream has them; returns the bytes available. */
    int ensure(int n) throws IOException {
        while (buf.remaining() < n && !eof) {
            buf.compact();
            int r = channel.read(buf);
            buf.flip();
            if (r < 0) eof = true;
            else fetched += r;
        }
        return buf.remaining();
    }

    int readInt() { return buf.getInt(); }

    int peekInt() { return buf.getInt(buf.position()); }

    /** Reads up to {@code n} float32 values into {@code dst}; fewer only at end of stream. */
    int readFloats(float[] dst, int off, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int avail = refillFor(Float.BYTES);
            if (avail < Float.BYTES) break;
            int k = Math.min(avail / Float.BYTES, n - done);
            buf.asFloatBuffer().get(dst, off + done, k); // view inherits the byte order
            buf.position(buf.position() + k * Float.BYTES);
            done += k;
        }
        return done;
    }

    /** Reads up to {@code n} float64 values into {@code dst}; fewer only at end of stream. */
    int readDoubles(double[] dst, int off, int n) throws IOException {
        int done = 0;
        while (done < n) {
            int avail = refillFor(Double.BYTES);
            if (avail < Double.BYTES) break;
            int k = Math.min(avail / Double.BYTES, n - done);
            buf.asDoubleBuffer().get(dst, off + done, k);
            buf.position(buf.position() + k * Double.BYTES);
            done += k;
        }
        return done;
    }

    // Refill when nearly drained, so bulk copies work on large chunks rather than a few values.
    private int refillFor(int width) throws IOException {
        return buf.remaining() < width ? ensure(buf.capacity() / 2) : buf.remaining();
    }
}
