package dev.semid.parquet;

import dev.semid.tokenizer.io.EmbeddingColumns;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.semid.parquet.ForeignLayoutTest.PYARROW;
import static dev.semid.parquet.HandWrittenParquet.row;
import static org.junit.jupiter.api.Assertions.*;

/** Every kind of bad Parquet embeddings file fails with an {@link InputException} naming the file, row, item and column. */
class BadParquetInputTest {
    @TempDir Path tmp;

    private InputException fails(String schema, List<List<Object>> rows) throws IOException {
        Path f = HandWrittenParquet.write(tmp.resolve("bad.parquet"), schema, rows);
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 0));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }

    @Test void missingColumnsAreListed() throws IOException {
        String noId = "message m { optional binary asin (STRING); optional group embedding (LIST) { repeated group list { optional float element; } } }";
        assertMentions(fails(noId, List.of(row("a", List.of(1f)))), "no id column", "looked for 'id', 'item_id'", "found 'asin', 'embedding'");
        String noVector = "message m { optional binary id (STRING); optional double score; }";
        assertMentions(fails(noVector, List.of(row("a", 1.0))), "no embedding column", "'embedding', 'embeddings', 'vector', 'emb'",
                "found 'id', 'score'");
        Path f = HandWrittenParquet.write(tmp.resolve("named.parquet"), PYARROW, List.of(row("a", List.of(1f))));
        assertMentions(assertThrows(InputException.class, () -> EmbeddingReader.read(f, null, 0, new EmbeddingColumns("asin", null))),
                "looked for 'asin', found 'id', 'embedding'");
    }

    @Test void mixedLengthsNameTheRowAndBothItems() throws IOException {
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f, 2f, 3f, 4f)), row("b", List.of(1f, 2f, 3f, 4f)),
                        row("c", List.of(1f, 2f, 3f, 4f)), row("d", List.of(1f, 2f, 3f, 4f, 5f)))),
                "row 3 (id 'd')", "column 'embedding' has 5 values, row 0 (id 'a') has 4");
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f, 2f)), row("b", List.of(1f)))), "row 1 (id 'b')", "has 1 values");
    }

    @Test void nullsAndEmptyListsNameTheRow() throws IOException {
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f)), row("b", null))), "row 1 (id 'b')", "column 'embedding' is null");
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f)), row(null, List.of(2f)))), "row 1:", "column 'id' is null");
        assertMentions(fails(PYARROW, List.of(row("a", Arrays.asList(1f, null, 3f)))), "row 0 (id 'a')", "column 'embedding'[1] is null");
        assertMentions(fails(PYARROW, List.of(row("a", List.of()))), "row 0 (id 'a')", "empty list");
        assertMentions(fails(PYARROW, List.of(row("", List.of(1f)))), "row 0", "column 'id' is empty");
    }

    @Test void duplicateIdsNameBothRows() throws IOException {
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f)), row("b", List.of(2f)), row("a", List.of(3f)))),
                "row 2 (id 'a')", "duplicate id 'a' (first on row 0)");
    }

    @Test void nonFiniteValuesAreRefused() throws IOException {
        assertMentions(fails(PYARROW, List.of(row("a", List.of(1f)), row("b", List.of(Float.NaN)))), "row 1 (id 'b')", "'embedding'[0] is NaN");
        String doubles = PYARROW.replace("optional float element", "optional double element");
        assertMentions(fails(doubles, List.of(row("a", List.of(1e300)))), "row 0 (id 'a')", "outside the float32 range");
    }

    @Test void wrongTypesSayWhatWasFound() throws IOException {
        assertMentions(fails(PYARROW.replace("optional binary id (STRING)", "optional float id"), List.of(row(1f, List.of(1f)))),
                "column 'id'", "'optional float id'", "expected strings or integers");
        assertMentions(fails("message m { optional binary id (STRING); optional binary embedding (STRING); }", List.of(row("a", "[1, 2]"))),
                "'optional binary embedding (STRING)'", "expected a list of float or double");
        assertMentions(fails(PYARROW.replace("optional float element", "optional int32 element"), List.of(row("a", List.of(1)))),
                "'optional int32 element'", "expected float or double");
    }

    @Test void notParquetOrEmpty() throws IOException {
        Path text = Files.writeString(tmp.resolve("text.parquet"), "id,embedding\n1,\"[1,2]\"\n");
        InputException e = assertThrows(InputException.class, () -> EmbeddingReader.read(text, null, 0));
        assertMentions(e, text.toString(), "not a readable Parquet file");
        assertMentions(fails(PYARROW, List.of()), "empty input");
    }

    @Test void idsFileAndColumnNamesOnlyWhereTheyMeanSomething() throws IOException {
        Path f = HandWrittenParquet.write(tmp.resolve("ok.parquet"), PYARROW, List.of(row("a", List.of(1f))));
        Path ids = Files.writeString(tmp.resolve("ids.txt"), "x\n");
        assertMentions(assertThrows(InputException.class, () -> EmbeddingReader.read(f, ids, 0)), "its ids come from its id column");
        Path npy = tmp.resolve("x.npy");
        dev.semid.tokenizer.io.NpyWriter.write(npy, dev.semid.tokenizer.data.Matrix.zeros(1, 2));
        assertMentions(assertThrows(IllegalArgumentException.class, () -> EmbeddingReader.read(npy, null, 0, new EmbeddingColumns("id", null))),
                "column names apply to input with named columns (.parquet)");
    }
}
