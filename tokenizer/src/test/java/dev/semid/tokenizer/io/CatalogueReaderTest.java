package dev.semid.tokenizer.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CatalogueReaderTest {
    @TempDir Path tmp;

    record Item(String id, Map<String, String> fields, String where) {}

    List<Item> read(String name, String content, String idField) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        List<Item> items = new ArrayList<>();
        CatalogueReader.read(f, idField, (id, fields, where) -> items.add(new Item(id, fields, where)));
        return items;
    }

    InputException bad(String name, String content, String idField) {
        return assertThrows(InputException.class, () -> read(name, content, idField));
    }

    @Test void jsonLinesFieldsBecomeText() throws Exception {
        List<Item> items = read("c.jsonl", """
                {"id": 7, "title": "Shampoo", "categories": ["Beauty", "Hair", null], "price": 4.5, "meta": {"a": 1}, "brand": null}

                {"id": "x9", "title": "Nail polish"}
                """, null);
        assertEquals(2, items.size());
        assertEquals("7", items.get(0).id());
        assertEquals("Beauty, Hair", items.get(0).fields().get("categories"));
        assertEquals("4.5", items.get(0).fields().get("price"));
        assertEquals("{\"a\":1}", items.get(0).fields().get("meta"));
        assertEquals("", items.get(0).fields().get("brand"));
        assertEquals("line 3 (id 'x9')", items.get(1).where());
    }

    @Test void idFallsBackToItemIdOrIsNamed() throws Exception {
        assertEquals("3", read("a.tsv", "item_id\tasin\ttext\n3\tB0\tlip balm\n", null).get(0).id());
        assertEquals("B0", read("b.tsv", "item_id\tasin\ttext\n3\tB0\tlip balm\n", "asin").get(0).id());
        assertEquals("sku1", read("c.jsonl", "{\"sku\":\"sku1\",\"t\":\"a\"}\n", "sku").get(0).id());
    }

    @Test void csvQuotingAndLineNumbers() throws Exception {
        List<Item> items = read("c.csv", "id,title\n1,\"soap, mild\"\n2,\"two\nlines\"\n3,plain\n", null);
        assertEquals("soap, mild", items.get(0).fields().get("title"));
        assertEquals("two\nlines", items.get(1).fields().get("title"));
        assertEquals("line 5 (id '3')", items.get(2).where(), "the quoted line break counts as a line");
    }

    @Test void badInputNamesFileLineAndWhatIsWrong() {
        InputException e = bad("c.jsonl", "{\"id\":1,\"t\":\"a\"}\n{\"id\":2,\"t\":\n", null);
        assertTrue(e.getMessage().contains("c.jsonl") && e.getMessage().contains("line 2") && e.getMessage().contains("invalid JSON"), e.getMessage());
        e = bad("c.jsonl", "{\"sku\":1,\"title\":\"a\"}\n", null);
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("no id field 'id' or 'item_id'")
                && e.getMessage().contains("fields: ") && e.getMessage().contains("sku"), e.getMessage());
        e = bad("c.jsonl", "[1,2]\n", null);
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());
        e = bad("c.tsv", "id\ttext\n1\ta\n1\tb\n", null);
        assertTrue(e.getMessage().contains("line 3 (id '1')") && e.getMessage().contains("also on line 2"), e.getMessage());
        e = bad("c.tsv", "id\ttext\n1\ta\textra\n", null);
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("3 fields, the header has 2"), e.getMessage());
        e = bad("c.tsv", "title\ttext\nx\ta\n", null);
        assertTrue(e.getMessage().contains("no id column") && e.getMessage().contains("columns: title, text"), e.getMessage());
        e = bad("c.tsv", "id\ttext\n\tempty id\n", null);
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("empty item id"), e.getMessage());
        e = bad("c.tsv", "id\ttext\n", null);
        assertTrue(e.getMessage().contains("empty catalogue"), e.getMessage());
        e = bad("c.xml", "<x/>", null);
        assertTrue(e.getMessage().contains("unsupported catalogue extension '.xml'"), e.getMessage());
    }
}
