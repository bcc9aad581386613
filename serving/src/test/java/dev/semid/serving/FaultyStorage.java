package dev.semid.serving;

import dev.semid.index.IndexStorage;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.FilterIndexOutput;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The index on the file system, through a Lucene {@link FilterDirectory} whose faults a test
 * switches on and off: fsyncs that fail or stall, the n-th new file that cannot be written, and a
 * disk that fills up (writes beyond a byte budget fail as a full disk does, until space is freed).
 */
final class FaultyStorage implements IndexStorage {
    /** Every fsync throws while set. */
    final AtomicBoolean failSyncs = new AtomicBoolean();
    /** Every fsync first waits this long. */
    final AtomicLong syncDelayMs = new AtomicLong();
    /** Files still to be created before one fails (the one that brings it to 0); negative = none fails. */
    final AtomicInteger filesBeforeFailure = new AtomicInteger(-1);
    /** Bytes that can still be written; negative = no limit. */
    final AtomicLong spaceLeft = new AtomicLong(-1);
    /** Faults raised so far. */
    final AtomicInteger faults = new AtomicInteger();

    /** Fills the disk: the next {@code bytes} bytes are the last that fit. */
    void fill(long bytes) { spaceLeft.set(bytes); }

    /** Frees the disk. */
    void free() { spaceLeft.set(-1); }

    @Override public Directory open(Path dir) throws IOException {
        return new FilterDirectory(FSDirectory.open(dir)) {
            @Override public IndexOutput createOutput(String name, IOContext context) throws IOException {
                newFile(name);
                return metered(super.createOutput(name, context));
            }

            @Override public IndexOutput createTempOutput(String prefix, String suffix, IOContext context) throws IOException {
                newFile(prefix);
                return metered(super.createTempOutput(prefix, suffix, context));
            }

            @Override public void sync(Collection<String> names) throws IOException {
                long delay = syncDelayMs.get();
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted during a stalled fsync", e);
                    }
                }
                if (failSyncs.get()) throw fault("injected: fsync failed");
                super.sync(names);
            }
        };
    }

    private void newFile(String name) throws IOException {
        if (filesBeforeFailure.get() >= 0 && filesBeforeFailure.getAndDecrement() == 1)
            throw fault("injected: cannot create index file " + name);
        if (spaceLeft.get() == 0) throw fault("injected: No space left on device (creating " + name + ")");
    }

    private IndexOutput metered(IndexOutput out) {
        return new FilterIndexOutput("metered " + out, out.getName(), out) {
            @Override public void writeByte(byte b) throws IOException {
                take(1);
                super.writeByte(b);
            }

            @Override public void writeBytes(byte[] b, int offset, int length) throws IOException {
                take(length);
                super.writeBytes(b, offset, length);
            }
        };
    }

    private void take(long bytes) throws IOException {
        for (;;) {
            long left = spaceLeft.get();
            if (left < 0) return;
            if (left < bytes) {
                spaceLeft.compareAndSet(left, 0);
                throw fault("injected: No space left on device");
            }
            if (spaceLeft.compareAndSet(left, left - bytes)) return;
        }
    }

    private IOException fault(String message) {
        faults.incrementAndGet();
        return new IOException(message);
    }
}
