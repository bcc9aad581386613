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
    @TempDir Path dir;

    private static final List<String> IDS = List.of("17", "a,b", "say \"hi\"", "multi\nline", "ünïcödé ✓");
    private static final List<SemanticId> SIDS = List.of(
            new SemanticId(new int[] {12, 201, 7}, 0), new SemanticId(new int[] {12, 201, 7}, 1),
            new SemanticId(new int[] {0, 0, 0}, 0), new SemanticId(new int[] {255, 1, 2}, 3), new SemanticId(new int[] {4, 5, 6}, 0));

    @Test void readsBackWhatSidWriterWritesInEveryFormat() throws IOException {
        for (String ext : List.of("jsonl", "csv")) {
            Path f = dir.resolve("ids." + ext);
            SidWriter.write(f, IDS, SIDS);
            SidReader.SidFile back = SidReader.read(f);
            assertEquals(IDS, back.ids(), ext);
            assertEquals(SIDS, back.sids(), ext);
        }
        Path tsv = dir.resolve("ids.tsv");
        SidWriter.write(tsv, List.of("1", "x y"), SIDS.subList(0, 2));
        assertEquals(new SidReader.SidFile(List.of("1", "x y"), SIDS.subList(0, 2)), SidReader.read(tsv));
    }

    @Test void badInputNamesTheLineAndField() throws IOException {
        assertBad("a.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-0\"}\n{\"id\":\"2\",\"sid\":\"1-x-0\"}\n", "line 2, field 'sid'");
        assertBad("b.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-0\"}\n{\"id\":\"1\",\"sid\":\"1-3-0\"}\n", "line 2, field 'id': duplicate id '1'");
        assertBad("c.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-0\",\"codes\":[1,2,1]}\n", "line 1, field 'codes'");
        assertBad("d.jsonl", "{\"id\":\"1\",\"sid\":\"1-2-0\"}\n{\"id\":\"2\",\"sid\":\"1-2-3-0\"}\n", "has 3 levels");
        assertBad("e.jsonl", "{\"id\":\"1\"\n", "line 1: not valid JSON");
        assertBad("f.csv", "id,sid,codes\n1,1-2-0,1 2 0\n2,1-2-0\n", "line 3: expected 3 fields");
        assertBad("g.csv", "name,value\n", "line 1: expected the header");
        assertBad("j.csv", "id,sid,codes\n\"open,1-0,1 0\n", "line 2: unterminated quoted field");
        assertBad("h.txt", "1 1-2-0\n", "unsupported extension");
        assertBad("i.jsonl", "", "empty input");
    }

    private void assertBad(String name, String content, String expected) throws IOException {
        Path f = Files.writeString(dir.resolve(name), content);
        InputException e = assertThrows(InputException.class, () -> SidReader.read(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
