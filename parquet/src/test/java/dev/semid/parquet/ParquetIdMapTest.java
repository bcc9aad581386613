package dev.semid.parquet;

import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.IdMapWriter;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The old → new ID map in Parquet (through the FileFormat lookup), with items added and dropped, and in JSON Lines. */
class ParquetIdMapTest {
    @TempDir Path tmp;

    static final List<String> IDS = List.of("kept", "moved", "added", "dropped");
    static final List<SemanticId> OLD = Arrays.asList(SemanticId.parse("1-2-3-0"), SemanticId.parse("4-5-6-0"), null, SemanticId.parse("7-7-7-1"));
    static final List<SemanticId> NEW = Arrays.asList(SemanticId.parse("1-2-3-0"), SemanticId.parse("4-5-9-0"), SemanticId.parse("8-8-8-0"), null);

    @Test void parquetMapReadsBackWithItsNulls() throws Exception {
        Path f = tmp.resolve("map.parquet");
        IdMapWriter.write(f, IDS, OLD, NEW);
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<String> order = new ArrayList<>();
        CatalogueReader.read(f, "id", (id, fields, where) -> {
            order.add(id);
            rows.put(id, fields);
        });
        assertEquals(IDS, order);
        for (int i = 0; i < IDS.size(); i++) {
            Map<String, String> r = rows.get(IDS.get(i));
            assertEquals(OLD.get(i) == null ? null : OLD.get(i).toString(), blankToNull(r.get("old")), IDS.get(i));
            assertEquals(NEW.get(i) == null ? null : NEW.get(i).toString(), blankToNull(r.get("new")), IDS.get(i));
        }
    }

    @Test void jsonLinesMapAndAnUnknownExtension() throws Exception {
        Path f = tmp.resolve("map.jsonl");
        IdMapWriter.write(f, IDS, OLD, NEW);
        assertEquals(List.of("{\"id\":\"kept\",\"old\":\"1-2-3-0\",\"new\":\"1-2-3-0\"}", "{\"id\":\"moved\",\"old\":\"4-5-6-0\",\"new\":\"4-5-9-0\"}",
                "{\"id\":\"added\",\"old\":null,\"new\":\"8-8-8-0\"}", "{\"id\":\"dropped\",\"old\":\"7-7-7-1\",\"new\":null}"), Files.readAllLines(f));
        var e = assertThrows(Exception.class, () -> IdMapWriter.write(tmp.resolve("map.txt"), IDS, OLD, NEW));
        assertTrue(e.getMessage().contains(".parquet"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("map.txt")));
    }

    private static String blankToNull(String s) { return s == null || s.isEmpty() ? null : s; }
}
