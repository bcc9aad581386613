package dev.semid.tokenizer.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {
    @TempDir Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheFileAndCreatesParents() throws IOException {
        Path target = dir.resolve("a/b/out.txt");
        AtomicFiles.write(target, out -> out.write("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals("hello", Files.readString(target));
        assertEquals(List.of("out.txt"), names(target.getParent()));
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void bodyMayCloseTheStream() throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, out -> {
            try (out) {
                out.write("closed".getBytes(StandardCharsets.UTF_8));
            }
        });
        assertEquals("closed", Files.readString(target));
    }

    @Test
    void failingBodyKeepsTheOldTargetAndLeavesNoTempFile() throws IOException {
        Path target = Files.writeString(dir.resolve("out.txt"), "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]); // past the buffer, so the temp file really has content
            throw new IOException("boom");
        }));
        assertEquals("boom", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), names(dir));
    }

    @Test
    void uncheckedFailureAlsoCleansUp() throws IOException {
        Path target = dir.resolve("out.txt");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, out -> {
            throw new UncheckedIOException(new IOException("x"));
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void writesANewDirectory() throws IOException {
        Path target = dir.resolve("x/model");
        AtomicFiles.writeDirectory(target, tmp -> {
            Files.writeString(tmp.resolve("a.txt"), "A");
            Files.createDirectories(tmp.resolve("sub"));
            Files.writeString(tmp.resolve("sub/b.txt"), "B");
        });
        assertEquals("A", Files.readString(target.resolve("a.txt")));
        assertEquals("B", Files.readString(target.resolve("sub/b.txt")));
        assertEquals(List.of("model"), names(target.getParent()));
    }

    @Test
    void replacesAnExistingDirectoryAndRemovesTheBackup() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model"));
        Files.writeString(target.resolve("old.txt"), "old");
        AtomicFiles.writeDirectory(target, tmp -> Files.writeString(tmp.resolve("new.txt"), "new"));
        assertEquals(List.of("new.txt"), names(target));
        assertEquals(List.of("model"), names(dir));
    }

    @Test
    void failingDirectoryBodyKeepsTheOldDirectoryAndLeavesNoTemp() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model"));
        Files.writeString(target.resolve("old.txt"), "old");
        assertThrows(IOException.class, () -> AtomicFiles.writeDirectory(target, tmp -> {
            Files.writeString(tmp.resolve("half.txt"), "half");
            throw new IOException("boom");
        }));
        assertEquals(List.of("old.txt"), names(target));
        assertEquals("old", Files.readString(target.resolve("old.txt")));
        assertEquals(List.of("model"), names(dir));
    }
}
