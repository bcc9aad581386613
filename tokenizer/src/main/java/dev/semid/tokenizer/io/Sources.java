package dev.semid.tokenizer.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Shared helpers that turn file-system trouble into {@link InputException}s with a plain reason;
 * public for the readers of added {@link FileFormat}s.
 */
public final class Sources {
    /** Largest float[] the JVM reliably allocates (a few header words below Integer.MAX_VALUE). */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Sources() {}

    public static String name(Path file) {
        return file.toString();
    }

    /** Fails early with a readable reason instead of a raw NoSuchFileException stack trace. */
    public static void requireReadableFile(Path file) {
        if (!Files.exists(file)) throw new InputException(name(file), null, "file not found");
        if (Files.isDirectory(file)) throw new InputException(name(file), null, "is a directory, expected a file");
        if (!Files.isReadable(file)) throw new InputException(name(file), null, "file is not readable (permission denied)");
    }

    public static InputException ioFailure(Path file, IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) reason = "file not found";
        else if (e instanceof AccessDeniedException) reason = "file is not readable (permission denied)";
        else reason = "cannot read file: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        return new InputException(name(file), null, reason, e);
    }

    /** "row 3" or "row 3 (id 'x')" when the caller knows the id of the row. */
    public static String row(long r, java.util.function.IntFunction<String> rowIds) {
        String id = rowIds == null || r > Integer.MAX_VALUE ? null : rowIds.apply((int) r);
        return id == null ? "row " + r : "row " + r + " (id '" + id + "')";
    }

    public static String extension(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot).toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads through a channel opened on a readable file; I/O failures become located input errors. */
    interface ChannelReader<T> { T read(java.nio.channels.FileChannel ch) throws IOException; }

    static <T> T readChannel(Path file, ChannelReader<T> body) {
        requireReadableFile(file);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            return body.read(ch);
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }
}
