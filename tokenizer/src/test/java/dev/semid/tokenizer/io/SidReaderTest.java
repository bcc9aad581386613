package dev.semid.tokenizer.io;

import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SidReaderTest {
    @TempDir Path tmp;

    @Test void readsBackEveryFormatSidWriterWrites() throws IOException {
        List<String> ids = List.of("1", "a,b", "quote\"d", "multi\nline", "x");
        List<SemanticId> sids = List.of(SemanticId.parse("1-2-3-0"), SemanticId.parse("1-2-3-1"), SemanticId.parse("0-0-0-0"),
                SemanticId.parse("255-255-255-0"), SemanticId.parse("7-8-9-0"));
        for (String ext : List.of("jsonl", "csv")) {
            Path f = tmp.resolve("ids." + ext);
            SidWriter.write(f, ids, sids);
            SidReader.Rows rows = SidReader.read(f);
            assertEquals(ids, rows.ids(), ext);
            assertEquals(sids, rows.sids(), ext);
        }
        Path tsv = tmp.resolve("ids.tsv");
        SidWriter.write(tsv, List.of("1", "2"), sids.subList(0, 2));
        assertEquals(List.of("1", "2"), SidReader.read(tsv).ids());
        Path crlf = tmp.resolve("crlf.csv");
        Files.writeString(crlf, "id,sid\r\n9,1-2-3-0\r\n10,1-2-3-1\r\n");
        assertEquals(List.of("9", "10"), SidReader.read(crlf).ids());
    }

    @Test void badRowsNameFileLineAndItem() throws IOException {
        assertError("ids.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{\"id\":\"2\",\"sid\":\"1-2-x-0\"}\n", "line 2 (id '2')", "malformed");
        assertError("ids.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{\"id\":\"1\",\"sid\":\"1-2-4-0\"}\n", "line 2", "also on line 1");
        assertError("ids.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{\"id\":\"2\",\"sid\":\"1-2-3-0\"}\n", "line 2", "semantic ID 1-2-3-0 also on line 1");
        assertError("ids.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{\"id\":\"2\",\"sid\":\"1-2-0\"}\n", "line 2", "first row has 3");
        assertError("ids.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{oops\n", "line 2", "not valid JSON");
        assertError("ids.jsonl", "{\"sid\":\"1-2-3-0\"}\n", "line 1", "'id'");
        assertError("ids.csv", "id,sid,codes\n1,1-2-3-0,1 2 3 0\n\"2\"x,1-2-3-1,\n", "line 3", "closing quote");
        assertError("ids.csv", "id,sid,codes\n1,1-2-3-0,1 2 3 0\n\"2,1-2-3-1\n", "line 3", "not closed");
        assertError("ids.csv", "item,code\n1,1-2-3-0\n", "line 1", "header");
        assertError("ids.tsv", "id\tsid\n2\n", "line 2", "expected id");
        assertError("ids.csv", "", null, "empty");
        assertError("ids.txt", "x", null, "unsupported extension");
    }

    @Test void aDirectoryOfPartsReadsAsOneFileSkippingBookkeeping() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("spark-out"));
        Files.writeString(dir.resolve("part-00001-x.jsonl"), "{\"id\":\"3\",\"sid\":\"1-2-3-1\"}\n");
        Files.writeString(dir.resolve("part-00000-x.jsonl"), "{\"id\":\"1\",\"sid\":\"1-2-3-0\"}\n{\"id\":\"2\",\"sid\":\"4-5-6-0\"}\n");
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve("_semid.json"), "{}");
        Files.writeString(dir.resolve(".part-00000-x.jsonl.crc"), "not ids");
        SidReader.Rows rows = SidReader.read(dir);
        assertEquals(List.of("1", "2", "3"), rows.ids(), "parts in name order");
        assertEquals(List.of(SemanticId.parse("1-2-3-0"), SemanticId.parse("4-5-6-0"), SemanticId.parse("1-2-3-1")), rows.sids());

        Files.writeString(dir.resolve("part-00002-x.jsonl"), "{\"id\":\"2\",\"sid\":\"7-7-7-0\"}\n");
        InputException twice = assertThrows(InputException.class, () -> SidReader.read(dir));
        assertTrue(twice.getMessage().contains("part-00002-x.jsonl") && twice.getMessage().contains("also on " + dir.resolve("part-00000-x.jsonl") + " line 2"),
                twice.getMessage());

        Path empty = Files.createDirectory(tmp.resolve("empty"));
        Files.writeString(empty.resolve("_SUCCESS"), "");
        InputException none = assertThrows(InputException.class, () -> SidReader.read(empty));
        assertTrue(none.getMessage().contains("no data files"), none.getMessage());
    }

    private void assertError(String name, String content, String where, String reason) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        InputException e = assertThrows(InputException.class, () -> SidReader.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
        if (where != null) assertTrue(e.getMessage().contains(where), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
