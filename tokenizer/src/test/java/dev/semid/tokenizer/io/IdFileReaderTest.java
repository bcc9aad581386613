package dev.semid.tokenizer.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdFileReaderTest {
    @TempDir Path dir;

    private static void assertMessage(InputException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message lacks the file: " + m);
        for (String p : parts) assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
    }

    @Test
    void readsTrimmedIdsAndToleratesTrailingBlankLines() throws IOException {
        Path f = Files.writeString(dir.resolve("ids.txt"), "  B0001 \r\nitem two\t\n42\n\n  \n");
        assertEquals(List.of("B0001", "item two", "42"), IdFileReader.read(f, 3));
    }

    @Test
    void emptyIdInTheMiddleNamesTheLine() throws IOException {
        Path f = Files.writeString(dir.resolve("ids.txt"), "a\nb\n   \nc\n");
        InputException e = assertThrows(InputException.class, () -> IdFileReader.read(f, 3));
        assertMessage(e, f, "line 3", "empty id");
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        Path f = Files.writeString(dir.resolve("ids.txt"), "a\nb\nc\n b \n");
        InputException e = assertThrows(InputException.class, () -> IdFileReader.read(f, 4));
        assertMessage(e, f, "line 4", "duplicate id 'b'", "first on line 2");
    }

    @Test
    void countMismatchSaysBothCounts() throws IOException {
        Path f = Files.writeString(dir.resolve("ids.txt"), "a\nb\nc\n");
        InputException e = assertThrows(InputException.class, () -> IdFileReader.read(f, 5));
        assertMessage(e, f, "has 3 ids", "have 5 rows");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("ids.txt"), "\n\n");
        InputException e = assertThrows(InputException.class, () -> IdFileReader.read(f, 0));
        assertMessage(e, f, "empty input");
    }

    @Test
    void missingFileIsAClearError() {
        Path f = dir.resolve("none.txt");
        InputException e = assertThrows(InputException.class, () -> IdFileReader.read(f, 1));
        assertMessage(e, f, "file not found");
    }
}
