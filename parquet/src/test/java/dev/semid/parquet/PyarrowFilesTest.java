package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.EmbeddingReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Files written by pyarrow 25 itself (src/test/resources/pyarrow/make_fixtures.py), not by our writer or a copy of its layout. */
class PyarrowFilesTest {
    static final float[][] EMB = {{0.5f, -1.25f, 3.0f, 1e-7f}, {1, 2, 3, 4}, {-0.0f, 0.1f, 0.2f, 0.3f}, {7.5f, 8.5f, 9.5f, 10.5f}, {1.5f, 2.5f, 3.5f, 4.5f}};

    static Path fixture(String name) throws Exception {
        return Path.of(PyarrowFilesTest.class.getResource("/pyarrow/" + name).toURI());
    }

    /** pyarrow's doubles narrowed to float are the float literals above, so both files must give exactly these bits. */
    static void assertRows(EmbeddingSet set, List<String> ids) {
        assertEquals(ids, set.ids());
        assertEquals(4, set.dimension());
        for (int i = 0; i < EMB.length; i++)
            for (int j = 0; j < 4; j++) {
                assertEquals(Float.floatToRawIntBits(EMB[i][j]), Float.floatToRawIntBits(set.vectors().data()[i * 4 + j]), "row " + i + " value " + j);
            }
    }

    @Test void listOfFloatInTwoRowGroups() throws Exception {
        assertRows(EmbeddingReader.read(fixture("embeddings-list-float.parquet"), null, 0), List.of("a1", "b2", "c3", "d4", "e5"));
    }

    @Test void fixedSizeListOfDoubleWithIntegerItemIdsAndZstd() throws Exception {
        EmbeddingSet set = EmbeddingReader.read(fixture("embeddings-fixed-size-double.parquet"), null, 0);
        assertRows(set, List.of("11", "12", "13", "14", "15"));
    }

    @Test void catalogueColumnsBecomeText() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        CatalogueReader.Summary s = CatalogueReader.read(fixture("catalogue.parquet"), null, (id, fields, where) -> {
            ids.add(id);
            rows.add(fields);
        });
        assertEquals(List.of("1", "2", "3"), ids);
        assertEquals(List.of("item_id", "title", "brand", "categories", "price", "in_stock"), s.fields());
        assertEquals("argan oil shampoo", rows.get(0).get("title"));
        assertEquals("Beauty, Hair", rows.get(0).get("categories"));
        assertEquals("4.5", rows.get(0).get("price"));
        assertEquals("true", rows.get(0).get("in_stock"));
        assertEquals("", rows.get(1).get("title"), "null is empty");
        assertEquals("", rows.get(1).get("categories"), "an empty list is empty");
        assertEquals("Beauty, Nails", rows.get(2).get("categories"), "null elements left out");
        assertEquals("", rows.get(2).get("brand"));
        assertEquals("", rows.get(2).get("price"));
    }
}
