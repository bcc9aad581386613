package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonlEmbeddingReaderTest {
    @TempDir Path dir;

    private static void assertMessage(InputException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message lacks the file: " + m);
        for (String p : parts) assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
    }

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("e.jsonl"), String.join("\n", lines) + "\n");
    }

    private static InputException fails(Path f) {
        return assertThrows(InputException.class, () -> JsonlEmbeddingReader.read(f));
    }

    @Test
    void readsStringAndIntegerIdsAndIgnoresOtherFields() throws IOException {
        Path f = file(
                "{\"id\": \"17\", \"embedding\": [0.1, -2.5, 3]}",
                "{\"title\": \"x\", \"meta\": {\"a\": [1, {\"b\": null}]}, \"embedding\": [1e-3, 0, -0.0], \"id\": 42}",
                "{\"id\": \"a\\\"b\", \"embedding\": [3.4028235E38, 1.4E-45, 7], \"payload\": \"ignored\"}",
                "",
                "   ");
        EmbeddingSet s = JsonlEmbeddingReader.read(f);
        assertEquals(List.of("17", "42", "a\"b"), s.ids());
        assertEquals(3, s.dimension());
        assertArrayEquals(new float[]{0.1f, -2.5f, 3f, 1e-3f, 0f, -0.0f, Float.MAX_VALUE, Float.MIN_VALUE, 7f}, s.vectors().data());
    }

    @Test
    void shortestFloatTextRoundTripsExactly() throws IOException {
        // Random bit patterns (all finite magnitudes, subnormals included) printed in shortest form.
        java.util.Random rnd = new java.util.Random(7);
        float[] v = new float[4000];
        for (int i = 0; i < v.length; i++) v[i] = Float.intBitsToFloat(rnd.nextInt(0x7f800000) | (rnd.nextBoolean() ? 0x80000000 : 0));
        String[] lines = new String[40];
        for (int r = 0; r < lines.length; r++) {
            StringBuilder sb = new StringBuilder("{\"id\": " + r + ", \"embedding\": [");
            for (int c = 0; c < 100; c++) sb.append(c > 0 ? ", " : "").append(v[r * 100 + c]);
            lines[r] = sb.append("]}").toString();
        }
        assertArrayEquals(v, JsonlEmbeddingReader.read(file(lines)).vectors().data());
    }

    @Test
    void crlfLineEndingsAndNoFinalNewline() throws IOException {
        Path f = Files.writeString(dir.resolve("e.jsonl"),
                "{\"id\":1,\"embedding\":[1,2]}\r\n{\"id\":2,\"embedding\":[3,4]}\r\n{\"id\":3,\"embedding\":[5,6]}");
        EmbeddingSet s = JsonlEmbeddingReader.read(f);
        assertEquals(List.of("1", "2", "3"), s.ids());
        assertArrayEquals(new float[]{1, 2, 3, 4, 5, 6}, s.vectors().data());
    }

    @Test
    void invalidJsonNamesTheLine() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "{\"id\": 2, \"embedding\": [1,}");
        assertMessage(fails(f), f, "line 2", "invalid JSON");
    }

    @Test
    void twoObjectsOnOneLineAreInvalid() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]} {\"id\": 2, \"embedding\": [2]}");
        assertMessage(fails(f), f, "line 1", "invalid JSON", "one object per line");
    }

    @Test
    void nonObjectLineIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "[1, 2]");
        assertMessage(fails(f), f, "line 2", "expected a JSON object");
    }

    @Test
    void missingIdIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "{\"id\": 2, \"embedding\": [1]}", "{\"embedding\": [1]}");
        assertMessage(fails(f), f, "line 3", "missing \"id\"");
    }

    @Test
    void emptyIdIsRejected() throws IOException {
        Path f = file("{\"id\": \"  \", \"embedding\": [1]}");
        assertMessage(fails(f), f, "line 1", "\"id\" is empty");
    }

    @Test
    void nonScalarIdIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "{\"id\": [2], \"embedding\": [1]}");
        assertMessage(fails(f), f, "line 2", "string or an integer", "an array");
    }

    @Test
    void fractionalOrNullIdIsRejected() throws IOException {
        Path f = file("{\"id\": 1.5, \"embedding\": [1]}");
        assertMessage(fails(f), f, "line 1", "string or an integer");
        Path g = file("{\"id\": null, \"embedding\": [1]}");
        assertMessage(fails(g), g, "line 1", "null");
    }

    @Test
    void missingEmbeddingNamesLineAndId() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "{\"id\": \"x7\", \"vector\": [1]}");
        assertMessage(fails(f), f, "line 2", "'x7'", "missing \"embedding\"");
    }

    @Test
    void nonNumericValueNamesTheIndex() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1, 2]}", "{\"id\": 2, \"embedding\": [1, \"0.5\"]}");
        assertMessage(fails(f), f, "line 2", "'2'", "\"embedding\"[1] is not a number", "a string");
    }

    @Test
    void embeddingThatIsNotAnArrayIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": \"0.1 0.2\"}");
        assertMessage(fails(f), f, "line 1", "must be an array of numbers");
    }

    @Test
    void wrongDimensionComparesWithTheFirstLine() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1, 2]}", "{\"id\": 2, \"embedding\": [1, 2]}",
                "{\"id\": 3, \"embedding\": [1, 2, 3]}");
        assertMessage(fails(f), f, "line 3", "'3'", "wrong dimension", "has 3 values but line 1 has 2");
    }

    @Test
    void emptyEmbeddingIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": []}");
        assertMessage(fails(f), f, "line 1", "empty");
    }

    @Test
    void nanTokenIsRejectedClearly() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1, 2]}", "{\"id\": \"b\", \"embedding\": [NaN, 2]}");
        assertMessage(fails(f), f, "line 2", "'b'", "\"embedding\"[0] is NaN", "finite");
    }

    @Test
    void infinityTokenIsRejectedClearly() throws IOException {
        Path f = file("{\"embedding\": [1, -Infinity], \"id\": 9}");
        assertMessage(fails(f), f, "line 1", "'9'", "\"embedding\"[1] is -Infinity");
    }

    @Test
    void float32OverflowIsRejected() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1e39]}");
        assertMessage(fails(f), f, "line 1", "float32 range");
    }

    @Test
    void duplicateIdNamesBothLines() throws IOException {
        Path f = file("{\"id\": 5, \"embedding\": [1]}", "{\"id\": 6, \"embedding\": [1]}", "{\"id\": \"5\", \"embedding\": [1]}");
        assertMessage(fails(f), f, "line 3", "duplicate id '5'", "first on line 1");
    }

    @Test
    void blankLineInTheMiddleIsAnError() throws IOException {
        Path f = file("{\"id\": 1, \"embedding\": [1]}", "{\"id\": 2, \"embedding\": [1]}", "", "{\"id\": 3, \"embedding\": [1]}");
        assertMessage(fails(f), f, "line 3", "blank line");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("e.jsonl"), "");
        assertMessage(fails(f), f, "empty input");
        Path g = Files.writeString(dir.resolve("g.jsonl"), "\n  \n\n");
        assertMessage(fails(g), g, "empty input");
    }

    @Test
    void invalidUtf8IsReported() throws IOException {
        Path f = Files.write(dir.resolve("e.jsonl"), new byte[]{'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '(', '"', '}', '\n'});
        assertMessage(fails(f), f, "UTF-8");
    }
}
