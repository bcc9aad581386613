package dev.semid.tokenizer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SidWriterTest {
    @TempDir Path dir;

    private static final List<String> IDS = List.of("17", "a,b", "say \"hi\"", "back\\slash", "multi\nline", "ünïcödé ✓", "ctl\u0001");
    private static final List<SemanticId> SIDS = List.of(
            new SemanticId(new int[]{12, 201, 7}, 0), new SemanticId(new int[]{12, 201, 7}, 1),
            new SemanticId(new int[]{0, 0, 0}, 0), new SemanticId(new int[]{255, 1, 2}, 3),
            new SemanticId(new int[]{1, 2, 3}, 0), new SemanticId(new int[]{4, 5, 6}, 0),
            new SemanticId(new int[]{9}, 9));

    @Test
    void jsonlLineFormatIsExact() throws IOException {
        Path f = dir.resolve("out.jsonl");
        SidWriter.write(f, List.of("17"), List.of(new SemanticId(new int[]{12, 201, 7}, 0)));
        assertEquals("{\"id\":\"17\",\"codes\":[12,201,7,0],\"sid\":\"12-201-7-0\"}\n", Files.readString(f));
    }

    @Test
    void jsonlParsesBackWithEscapedIds() throws IOException {
        Path f = dir.resolve("out.jsonl");
        SidWriter.write(f, IDS, SIDS);
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(f);
        assertEquals(IDS.size(), lines.size());
        for (int i = 0; i < IDS.size(); i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(IDS.get(i), n.get("id").asText());
            assertEquals(SIDS.get(i), SemanticId.parse(n.get("sid").asText()));
            int[] codes = new int[n.get("codes").size()];
            for (int j = 0; j < codes.length; j++) codes[j] = n.get("codes").get(j).asInt();
            assertArrayEquals(SIDS.get(i).withDedup(), codes);
        }
    }

    @Test
    void csvHasHeaderQuotesWhenNeededAndParsesBack() throws IOException {
        Path f = dir.resolve("out.csv");
        SidWriter.write(f, IDS, SIDS);
        String text = Files.readString(f);
        assertTrue(text.startsWith("id,sid,codes\n17,12-201-7-0,12 201 7 0\n\"a,b\",12-201-7-1,12 201 7 1\n"), text);
        assertTrue(text.contains("\"say \"\"hi\"\"\",0-0-0-0,0 0 0 0\n"), text);
        List<List<String>> rows = parseCsv(text);
        assertEquals(List.of("id", "sid", "codes"), rows.get(0));
        for (int i = 0; i < IDS.size(); i++) {
            List<String> r = rows.get(i + 1);
            assertEquals(IDS.get(i), r.get(0));
            assertEquals(SIDS.get(i), SemanticId.parse(r.get(1)));
            assertArrayEquals(SIDS.get(i).withDedup(), java.util.Arrays.stream(r.get(2).split(" ")).mapToInt(Integer::parseInt).toArray());
        }
        assertEquals(IDS.size() + 1, rows.size());
    }

    @Test
    void tsvHasHeaderAndParsesBack() throws IOException {
        Path f = dir.resolve("out.tsv");
        List<String> ids = List.of("17", "a,b", "say \"hi\"");
        SidWriter.write(f, ids, SIDS.subList(0, 3));
        List<String> lines = Files.readAllLines(f);
        assertEquals(List.of("id\tsid\tcodes", "17\t12-201-7-0\t12 201 7 0", "a,b\t12-201-7-1\t12 201 7 1",
                "say \"hi\"\t0-0-0-0\t0 0 0 0"), lines);
    }

    @Test
    void tsvRejectsIdsWithTabsAndLeavesNoFile() {
        Path f = dir.resolve("out.tsv");
        InputException e = assertThrows(InputException.class,
                () -> SidWriter.write(f, List.of("ok", "bad\tid"), SIDS.subList(0, 2)));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("row 1") && e.getMessage().contains("tab"),
                e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void tsvRejectsIdsWithNewlinesAndKeepsTheOldFile() throws IOException {
        Path f = Files.writeString(dir.resolve("out.tsv"), "old");
        InputException e = assertThrows(InputException.class, () -> SidWriter.write(f, List.of("x\ny"), SIDS.subList(0, 1)));
        assertTrue(e.getMessage().contains("row 0") && e.getMessage().contains("line break"), e.getMessage());
        assertEquals("old", Files.readString(f));
    }

    @Test
    void unknownExtensionIsRejected() {
        Path f = dir.resolve("out.parquet");
        InputException e = assertThrows(InputException.class, () -> SidWriter.write(f, List.of("1"), SIDS.subList(0, 1)));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("'.parquet'")
                && e.getMessage().contains(".jsonl, .csv, .tsv"), e.getMessage());
        assertFalse(Files.exists(f));
    }

    @Test
    void misalignedListsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SidWriter.write(dir.resolve("o.jsonl"), List.of("1", "2"), SIDS.subList(0, 1)));
    }

    @Test
    void writesAMillionRowsQuickly() throws IOException {
        int n = 1_000_000;
        List<String> ids = new ArrayList<>(n);
        List<SemanticId> sids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(Integer.toString(i + 1));
            sids.add(new SemanticId(new int[]{i % 256, (i / 256) % 256, (i / 65536) % 256}, i % 3));
        }
        for (String ext : List.of(".jsonl", ".csv", ".tsv")) {
            Path f = dir.resolve("big" + ext);
            long t0 = System.nanoTime();
            SidWriter.write(f, ids, sids);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("SidWriter %s: 1M rows in %.2f s (%d bytes)%n", ext, s, Files.size(f));
            // Generous bound for a shared CI machine; typically well under a second.
            assertTrue(s < 5, ext + " took " + s + " s");
        }
    }

    /** Minimal RFC 4180 reader for checking the writer's output. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { row.add(field.toString()); field.setLength(0); }
            else if (c == '\n') { row.add(field.toString()); field.setLength(0); rows.add(row); row = new ArrayList<>(); }
            else field.append(c);
        }
        return rows;
    }
}
