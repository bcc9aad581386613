package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.semid.tokenizer.io.TestFiles.f4;
import static dev.semid.tokenizer.io.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    @TempDir Path dir;

    private static void assertMessage(InputException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message lacks the file: " + m);
        for (String p : parts) assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
    }

    private Path npy3x2() throws IOException {
        return npy(dir.resolve("e.npy"), "<f4", 3, 2, f4(LE, 1, 2, 3, 4, 5, 6));
    }

    @Test
    void npyWithRowNumberIdsFromBaseOne() throws IOException {
        EmbeddingSet s = EmbeddingReader.read(npy3x2(), null, 1);
        assertEquals(List.of("1", "2", "3"), s.ids());
        assertArrayEquals(new float[]{3, 4}, s.vectors().row(1));
    }

    @Test
    void fvecsWithRowNumberIdsFromBaseZero() throws IOException {
        Path f = TestFiles.fvecs(dir.resolve("e.FVECS"), new float[]{1, 2}, new float[]{3, 4});
        EmbeddingSet s = EmbeddingReader.read(f, null, 0);
        assertEquals(List.of("0", "1"), s.ids());
        assertEquals(2, s.dimension());
    }

    @Test
    void npyWithIdsFile() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "x\ny\nz\n");
        EmbeddingSet s = EmbeddingReader.read(npy3x2(), ids, 1);
        assertEquals(List.of("x", "y", "z"), s.ids());
    }

    @Test
    void fvecsWithIdsFile() throws IOException {
        Path f = TestFiles.fvecs(dir.resolve("e.fvecs"), new float[]{1}, new float[]{2});
        Path ids = Files.writeString(dir.resolve("ids.txt"), "p\nq\n");
        assertEquals(List.of("p", "q"), EmbeddingReader.read(f, ids, 0).ids());
    }

    @Test
    void jsonlAndNdjsonAndJsonTakeIdsFromTheLines() throws IOException {
        for (String name : List.of("e.jsonl", "e.ndjson", "e.json")) {
            Path f = Files.writeString(dir.resolve(name), "{\"id\": 7, \"embedding\": [1, 2]}\n{\"id\": \"8\", \"embedding\": [3, 4]}\n");
            assertEquals(List.of("7", "8"), EmbeddingReader.read(f, null, 1).ids());
        }
    }

    @Test
    void idsFileWithJsonlIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("e.jsonl"), "{\"id\": 7, \"embedding\": [1]}\n");
        Path ids = Files.writeString(dir.resolve("ids.txt"), "a\n");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0));
        assertMessage(e, ids, "cannot be combined with JSON Lines", f.toString());
    }

    @Test
    void idsFileCountMismatchSaysBothCounts() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "x\ny\n");
        Path f = npy3x2();
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0));
        assertMessage(e, ids, "has 2 ids", "have 3 rows");
    }

    @Test
    void duplicateIdsInTheIdsFileAreRejected() throws IOException {
        Path ids = Files.writeString(dir.resolve("ids.txt"), "x\ny\nx\n");
        Path f = npy3x2();
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0));
        assertMessage(e, ids, "line 3", "duplicate id 'x'", "line 1");
    }

    @Test
    void duplicateIdsInJsonlAreRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("e.jsonl"), "{\"id\": 7, \"embedding\": [1]}\n{\"id\": 7, \"embedding\": [2]}\n");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 0));
        assertMessage(e, f, "line 2", "duplicate id '7'", "line 1");
    }

    @Test
    void badValueIsReportedWithTheItemIdFromTheIdsFile() throws IOException {
        Path f = npy(dir.resolve("e.npy"), "<f4", 2, 2, f4(LE, 1, 2, Float.NaN, 4));
        Path ids = Files.writeString(dir.resolve("ids.txt"), "first\nsecond\n");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0));
        assertMessage(e, f, "row 1 (id 'second'), column 0", "NaN");
    }

    @Test
    void badValueIsReportedWithTheRowNumberId() throws IOException {
        Path f = npy(dir.resolve("e.npy"), "<f4", 2, 2, f4(LE, 1, 2, 3, Float.POSITIVE_INFINITY));
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 1));
        assertMessage(e, f, "row 1 (id '2'), column 1", "Infinity");
    }

    @Test
    void unknownExtensionListsTheSupportedOnes() throws IOException {
        Path f = Files.writeString(dir.resolve("e.csv"), "1,2,3\n");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 0));
        assertMessage(e, f, "'.csv'", ".npy, .fvecs, .jsonl, .ndjson, .json");
    }

    @Test
    void missingInputIsAClearError() {
        Path f = dir.resolve("absent.npy");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 0));
        assertMessage(e, f, "file not found");
    }

    @Test
    void directoryInputIsAClearError() throws IOException {
        Path d = Files.createDirectory(dir.resolve("emb.npy"));
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(d, null, 0));
        assertMessage(e, d, "is a directory");
    }

    @Test
    void missingIdsFileIsAClearError() throws IOException {
        Path f = npy3x2();
        Path ids = dir.resolve("no-ids.txt");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0));
        assertMessage(e, ids, "file not found");
    }
}
