package dev.semid.tokenizer.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data files of a directory written in parts (Spark, Hive, pyarrow datasets): every regular
 * file whose name does not start with {@code _} or {@code .} ({@code _SUCCESS}, {@code _semid.json},
 * {@code .part-00000.crc} are bookkeeping), in name order so reading is deterministic.
 */
public final class PartFiles {
    private PartFiles() {}

    public static List<Path> of(Path dir) {
        if (!Files.isReadable(dir)) throw new InputException(Sources.name(dir), null, "directory is not readable (permission denied)");
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(f -> Files.isRegularFile(f) && !hidden(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw Sources.ioFailure(dir, e);
        }
        if (parts.isEmpty())
            throw new InputException(Sources.name(dir), null, "directory has no data files (names starting with _ or . are skipped)");
        return parts;
    }

    private static boolean hidden(String name) { return name.startsWith("_") || name.startsWith("."); }
}
