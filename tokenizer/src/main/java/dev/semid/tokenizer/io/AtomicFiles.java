package dev.semid.tokenizer.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Writes outputs so that readers (and crashed runs) never see a half-written file: content
 * goes to a temporary sibling, is fsynced, and is then renamed over the target. On failure the
 * temporary is removed and an existing target is left as it was.
 */
public final class AtomicFiles {
    /** Writes a file's content; the stream is buffered and closing it is harmless. */
    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream out) throws IOException;
    }

    /** Fills a fresh, empty directory. */
    @FunctionalInterface
    public interface IoDirWriter {
        void write(Path tmpDir) throws IOException;
    }

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {}

    public static void write(Path target, IoWriter body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = createTempFile(dir, abs.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                BufferedOutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
                body.write(new KeepOpen(out));
                out.flush();
                ch.force(true); // content durable before the rename makes it visible
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) deleteQuietly(tmp);
        }
    }

    /**
     * Fills a temporary sibling directory, then moves it into place. An existing target is first
     * renamed to a backup, which is restored if the final move fails and deleted once it succeeds,
     * so readers see either the old or the new directory (or, for an instant, none).
     */
    public static void writeDirectory(Path target, IoDirWriter body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        String name = abs.getFileName().toString();
        Path tmp = createTempDirectory(dir, name);
        boolean moved = false;
        try {
            body.write(tmp);
            syncTree(tmp);
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                Path backup = unusedSibling(dir, name, ".old");
                Files.move(abs, backup, StandardCopyOption.ATOMIC_MOVE);
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException | RuntimeException e) {
                    try {
                        Files.move(backup, abs, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException restore) {
                        e.addSuppressed(restore);
                    }
                    throw e;
                }
                moved = true;
                syncDirectory(dir);
                deleteTree(backup); // best effort: the new directory is already in place
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                moved = true;
                syncDirectory(dir);
            }
        } finally {
            if (!moved) deleteTree(tmp);
        }
    }

    /** Hidden, unique sibling name; created with default permissions (unlike Files.createTempFile's 0600). */
    private static Path createTempFile(Path dir, String name) throws IOException {
        while (true) {
            Path p = unusedSibling(dir, name, ".tmp");
            try {
                Files.newByteChannel(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (FileAlreadyExistsException raced) {
                // another writer picked the same name; try again
            }
        }
    }

    private static Path createTempDirectory(Path dir, String name) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(unusedSibling(dir, name, ".tmp"));
            } catch (FileAlreadyExistsException raced) {
                // try another name
            }
        }
    }

    private static Path unusedSibling(Path dir, String name, String suffix) {
        while (true) {
            Path p = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + suffix);
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) return p;
        }
    }

    private static void syncTree(Path root) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(root)) {
            paths = s.toList();
        }
        for (Path p : paths) {
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    ch.force(true);
                }
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                syncDirectory(p);
            }
        }
    }

    // Persists the rename itself. Not every platform can open a directory for fsync; that is fine.
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the caller's exception matters more
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException | RuntimeException ignored) {
            // best effort
        }
    }

    /** Lets the body close "its" stream without closing the channel before flush and fsync. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) { super(out); }

        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

        @Override public void close() throws IOException { out.flush(); }
    }
}
