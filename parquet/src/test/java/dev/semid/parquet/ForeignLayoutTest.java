package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingColumns;
import dev.semid.tokenizer.io.EmbeddingReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.semid.parquet.HandWrittenParquet.row;
import static org.junit.jupiter.api.Assertions.*;

/** Parquet files in the layouts other writers use, read through {@link EmbeddingReader} (so via the service lookup). */
class ForeignLayoutTest {
    @TempDir Path tmp;

    /** pyarrow's {@code pa.table({"id": pa.string(), "embedding": pa.list_(pa.float32())})}. */
    static final String PYARROW = """
            message schema {
              optional binary id (STRING);
              optional group embedding (LIST) {
                repeated group list {
                  optional float element;
                }
              }
            }""";

    private static List<List<Object>> rows(int n, int dim, boolean longIds, boolean doubles) {
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            List<Object> v = new ArrayList<>();
            for (int j = 0; j < dim; j++) v.add(doubles ? (Object) (r * 0.25 + j / 1024.0) : (Object) (r * 0.25f - j / 8f));
            rows.add(row(longIds ? (Object) (1000L + r) : "item-" + r, v));
        }
        return rows;
    }

    private static void assertRows(EmbeddingSet set, int n, int dim, boolean longIds, boolean doubles) {
        assertEquals(n, set.size());
        assertEquals(dim, set.dimension());
        for (int r = 0; r < n; r++) {
            assertEquals(longIds ? Long.toString(1000L + r) : "item-" + r, set.ids().get(r));
            for (int j = 0; j < dim; j++)
                assertEquals(doubles ? (float) (r * 0.25 + j / 1024.0) : r * 0.25f - j / 8f, set.vectors().get(r, j), "row " + r + " col " + j);
        }
    }

    @Test void pyarrowListOfFloatInManyRowGroupsAndEveryCodec() throws IOException {
        for (CompressionCodecName codec : List.of(CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD, CompressionCodecName.GZIP,
                CompressionCodecName.UNCOMPRESSED)) {
            Path f = HandWrittenParquet.write(tmp.resolve("pyarrow-" + codec + ".parquet"), PYARROW, codec, 8 << 10, rows(3000, 24, false, false));
            assertTrue(HandWrittenParquet.rowGroups(f) > 2, "several row groups: " + HandWrittenParquet.rowGroups(f));
            assertRows(EmbeddingReader.read(f, null, 0), 3000, 24, false, false);
        }
    }

    @Test void int64IdsAndDoubleElementsAreNarrowed() throws IOException {
        String schema = PYARROW.replace("optional binary id (STRING)", "optional int64 id").replace("optional float element", "optional double element");
        Path f = HandWrittenParquet.write(tmp.resolve("int64.parquet"), schema, rows(200, 8, true, true));
        assertRows(EmbeddingReader.read(f, null, 0), 200, 8, true, true);
    }

    @Test void legacyTwoLevelListAndOldPyarrowItemName() throws IOException {
        String twoLevel = """
                message spark_schema {
                  required binary id (STRING);
                  optional group embedding (LIST) {
                    repeated float array;
                  }
                }""";
        assertRows(EmbeddingReader.read(HandWrittenParquet.write(tmp.resolve("two.parquet"), twoLevel, rows(100, 5, false, false)), null, 0),
                100, 5, false, false);
        String item = PYARROW.replace("optional float element", "optional float item");
        assertRows(EmbeddingReader.read(HandWrittenParquet.write(tmp.resolve("item.parquet"), item, rows(100, 5, false, false)), null, 0),
                100, 5, false, false);
        String bare = "message m { required int32 id; repeated double embedding; }";
        List<List<Object>> intRows = new ArrayList<>();
        for (int r = 0; r < 50; r++) intRows.add(row(r, List.of(r + 0.5, -r - 0.5)));
        EmbeddingSet set = EmbeddingReader.read(HandWrittenParquet.write(tmp.resolve("bare.parquet"), bare, intRows), null, 0);
        assertEquals("49", set.ids().get(49));
        assertEquals(-49.5f, set.vectors().get(49, 1));
    }

    @Test void usualColumnNamesAreFoundAndOthersCanBeNamed() throws IOException {
        String usual = PYARROW.replace(" id ", " item_id ").replace("embedding", "vector");
        assertRows(EmbeddingReader.read(HandWrittenParquet.write(tmp.resolve("usual.parquet"), usual, rows(30, 3, false, false)), null, 0),
                30, 3, false, false);
        // "id" wins over "item_id" when both are there; named columns are taken as they are.
        String both = """
                message m {
                  optional binary asin (STRING);
                  optional int64 id;
                  optional binary item_id (STRING);
                  optional group minilm (LIST) { repeated group list { optional float element; } }
                  optional group embedding (LIST) { repeated group list { optional float element; } }
                }""";
        Path f = HandWrittenParquet.write(tmp.resolve("both.parquet"), both,
                List.of(row("B01", 7L, "x", List.of(1f, 2f), List.of(3f)), row("B02", 8L, "y", List.of(4f, 5f), List.of(6f))));
        EmbeddingSet byDefault = EmbeddingReader.read(f, null, 0);
        assertEquals(List.of("7", "8"), byDefault.ids());
        assertEquals(1, byDefault.dimension());
        EmbeddingSet named = EmbeddingReader.read(f, null, 0, new EmbeddingColumns("asin", "minilm"));
        assertEquals(List.of("B01", "B02"), named.ids());
        assertEquals(5f, named.vectors().get(1, 1));
    }
}
