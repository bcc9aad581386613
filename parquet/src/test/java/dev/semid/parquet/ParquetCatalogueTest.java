package dev.semid.parquet;

import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.InputException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.semid.parquet.HandWrittenParquet.row;
import static org.junit.jupiter.api.Assertions.*;

/** Item catalogues in Parquet, written with parquet-java's example API and read through {@link CatalogueReader} (so via the service lookup). */
class ParquetCatalogueTest {
    @TempDir Path tmp;

    record Item(String id, Map<String, String> fields, String where) {}

    record Read(List<Item> items, CatalogueReader.Summary summary) {}

    private static Read read(Path f, String idField) {
        List<Item> items = new ArrayList<>();
        CatalogueReader.Summary s = CatalogueReader.read(f, idField, (id, fields, where) -> items.add(new Item(id, fields, where)));
        return new Read(items, s);
    }

    /** What pyarrow writes for string, int64, float, double and bool columns and list<string>, plus the legacy list layouts and typed columns with no text form. */
    static final String CATALOGUE = """
            message schema {
              optional binary id (STRING);
              optional binary title (STRING);
              optional int64 sales;
              optional float rating;
              optional double price;
              optional boolean in_stock;
              optional group categories (LIST) { repeated group list { optional binary element (STRING); } }
              optional group tags (LIST) { repeated binary array (STRING); }
              optional group sizes (LIST) { repeated group list { optional int32 item; } }
              optional int32 stock (INTEGER(32,false));
              optional int64 cost (DECIMAL(10,2));
              optional binary image;
              optional int32 added (DATE);
              optional group dims { optional int32 w; optional int32 h; }
            }""";

    private Path catalogue() throws IOException {
        return HandWrittenParquet.write(tmp.resolve("items.parquet"), CATALOGUE, List.of(
                row("B01", "Shampoo", 120L, 0.1f, 4.5, true, Arrays.asList("Beauty", null, "", "Hair"), List.of("mild", "daily"),
                        List.of(250, 500), -1, 1250L, "\u0089PNG", 19000, null),
                row("B02", null, null, null, null, null, null, List.of(), null, null, null, null, null, null),
                row("B03", "Nail polish", -3L, 2.5e-7f, 1e21, false, List.of("Nails"), null, Arrays.asList(null, 7), 0, -5L, null, null, null)));
    }

    @Test void everyColumnWithATextFormBecomesAField() throws IOException {
        Read r = read(catalogue(), null);
        assertEquals(3, r.summary().items());
        assertEquals(List.of("id", "title", "sales", "rating", "price", "in_stock", "categories", "tags", "sizes", "stock", "cost"),
                r.summary().fields());
        assertEquals(List.of("image", "added", "dims"), r.summary().skipped(), "bytes, dates and structs have no text form");
        Item a = r.items().get(0), b = r.items().get(1), c = r.items().get(2);
        assertEquals("B01", a.id());
        assertEquals("row 0 (id 'B01')", a.where());
        assertEquals(List.copyOf(r.summary().fields()), List.copyOf(a.fields().keySet()), "fields in column order");
        assertEquals(Map.ofEntries(Map.entry("id", "B01"), Map.entry("title", "Shampoo"), Map.entry("sales", "120"), Map.entry("rating", "0.1"),
                Map.entry("price", "4.5"), Map.entry("in_stock", "true"), Map.entry("categories", "Beauty, Hair"), Map.entry("tags", "mild, daily"),
                Map.entry("sizes", "250, 500"), Map.entry("stock", "4294967295"), Map.entry("cost", "12.50")), a.fields());
        for (String f : r.summary().fields()) if (!f.equals("id")) assertEquals("", b.fields().get(f), "null and empty become '': " + f);
        assertEquals(Map.ofEntries(Map.entry("id", "B03"), Map.entry("title", "Nail polish"), Map.entry("sales", "-3"), Map.entry("rating", "2.5E-7"),
                Map.entry("price", "1.0E21"), Map.entry("in_stock", "false"), Map.entry("categories", "Nails"), Map.entry("tags", ""),
                Map.entry("sizes", "7"), Map.entry("stock", "0"), Map.entry("cost", "-0.05")), c.fields());
    }

    @Test void valuesReadAsTheSameItemInJsonLinesDoes() throws IOException {
        Path jsonl = Files.writeString(tmp.resolve("items.jsonl"), """
                {"id": "B01", "title": "Shampoo", "sales": 120, "rating": 0.1, "price": 4.5, "in_stock": true, "categories": ["Beauty", null, "", "Hair"], "tags": ["mild", "daily"], "sizes": [250, 500]}
                {"id": "B02", "title": null, "sales": null, "rating": null, "price": null, "in_stock": null, "categories": null, "tags": [], "sizes": null}
                {"id": "B03", "title": "Nail polish", "sales": -3, "rating": 2.5e-7, "price": 1e21, "in_stock": false, "categories": ["Nails"], "tags": null, "sizes": [null, 7]}
                """);
        List<Item> fromJson = read(jsonl, null).items(), fromParquet = read(catalogue(), null).items();
        for (int i = 0; i < 3; i++)
            for (Map.Entry<String, String> f : fromJson.get(i).fields().entrySet())
                assertEquals(f.getValue(), fromParquet.get(i).fields().get(f.getKey()), "item " + i + " field " + f.getKey());
    }

    @Test void manyRowGroupsAreReadInOrder() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) rows.add(row("item-" + i, "title " + i, List.of("c" + i % 7, "d")));
        String schema = "message m { required binary id (STRING); optional binary title (STRING); "
                + "optional group cats (LIST) { repeated group list { optional binary element (STRING); } } }";
        Path f = HandWrittenParquet.write(tmp.resolve("big.parquet"), schema, CompressionCodecName.ZSTD, 2 << 10, rows);
        assertTrue(HandWrittenParquet.rowGroups(f) > 2, "several row groups: " + HandWrittenParquet.rowGroups(f));
        List<Item> items = read(f, null).items();
        assertEquals(3000, items.size());
        for (int i = 0; i < 3000; i += 499) {
            assertEquals("item-" + i, items.get(i).id());
            assertEquals(Map.of("id", "item-" + i, "title", "title " + i, "cats", "c" + i % 7 + ", d"), items.get(i).fields());
        }
        rows.set(2999, row("item-0", "again", List.of()));
        Path dup = HandWrittenParquet.write(tmp.resolve("dup.parquet"), schema, CompressionCodecName.ZSTD, 2 << 10, rows);
        assertMentions(fails(dup, null), "row 2999 (id 'item-0')", "item id also on row 0");
    }

    @Test void theIdIsTheNamedColumnElseIdElseItemId() throws IOException {
        String schema = "message m { optional binary asin (STRING); optional int64 item_id; optional binary title (STRING); }";
        Path f = HandWrittenParquet.write(tmp.resolve("ids.parquet"), schema, List.of(row("B0X", 17L, "soap"), row("B0Y", 18L, "gel")));
        assertEquals(List.of("17", "18"), read(f, null).items().stream().map(Item::id).toList(), "item_id, an integer, as its text");
        assertEquals(List.of("B0X", "B0Y"), read(f, "asin").items().stream().map(Item::id).toList());
        assertEquals("17", read(f, "asin").items().get(0).fields().get("item_id"));
        String both = "message m { optional int32 id; optional binary item_id (STRING); }";
        Path g = HandWrittenParquet.write(tmp.resolve("both.parquet"), both, List.of(row(5, "x")));
        assertEquals("5", read(g, null).items().get(0).id(), "id wins over item_id");
    }

    private InputException fails(Path f, String idField) {
        InputException e = assertThrows(InputException.class, () -> read(f, idField));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e;
    }

    private InputException fails(String schema, List<List<Object>> rows, String idField) throws IOException {
        return fails(HandWrittenParquet.write(tmp.resolve("bad.parquet"), schema, rows), idField);
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String p : parts) assertTrue(e.getMessage().contains(p), "'" + p + "' in: " + e.getMessage());
    }

    @Test void badCataloguesNameTheFileRowAndItem() throws IOException {
        String idTitle = "message m { optional binary id (STRING); optional binary title (STRING); }";
        assertMentions(fails("message m { optional binary asin (STRING); optional binary title (STRING); }", List.of(row("a", "t")), null),
                "no id column 'id' or 'item_id'", "columns: asin, title", "--id-field");
        assertMentions(fails(idTitle, List.of(row("a", "t")), "sku"), "no id column 'sku'", "columns: id, title");
        assertMentions(fails(idTitle, List.of(row("a", "t"), row(null, "u")), null), "row 1:", "the item id is null");
        assertMentions(fails(idTitle, List.of(row("a", "t"), row(" ", "u")), null), "row 1:", "empty item id");
        assertMentions(fails(idTitle, List.of(row("a", "t"), row("b", "u"), row("a", "v")), null), "row 2 (id 'a')", "item id also on row 0");
        assertMentions(fails("message m { optional double id; optional binary title (STRING); }", List.of(row(1.0, "t")), null),
                "column 'id'", "'optional double id'", "expected strings or integers");
        assertMentions(fails(idTitle, List.of(), null), "empty catalogue: no items");
        Path text = Files.writeString(tmp.resolve("text.parquet"), "id,title\n1,soap\n");
        assertMentions(fails(text, null), "not a readable Parquet file");
        Path empty = Files.write(tmp.resolve("empty.parquet"), new byte[0]);
        assertMentions(fails(empty, null), "not a readable Parquet file");
    }
}
