package dev.semid.eval.io;

import dev.semid.eval.quality.IdSet;
import dev.semid.eval.recsys.Interactions;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ReadersTest {
    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private void assertBad(String expected, Runnable r) {
        InputException e = assertThrows(InputException.class, r::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test void sequencesAsTextKeepFileOrder() throws IOException {
        Interactions d = SequenceReader.read(file("s.txt", "7 3 10 2\n\n8\t10  3 3\n"));
        assertEquals(List.of("7", "8"), d.users());
        assertEquals(List.of("2", "3", "10"), d.items().ids());
        assertArrayEquals(new int[] {1, 2, 0}, d.sequences()[0]);
        assertArrayEquals(new int[] {2, 1, 1}, d.sequences()[1]);
        assertEquals(6, d.size());
    }

    @Test void sequencesAsCsvAreSortedByTimestampStably() throws IOException {
        Interactions d = SequenceReader.read(file("s.csv", "user,item,timestamp\nu1,a,30\nu2,b,5\nu1,b,10\nu1,c,30\nu1,d,20.5\n"));
        assertEquals(List.of("u1", "u2"), d.users());
        assertEquals(List.of("a", "b", "c", "d"), d.items().ids());
        assertArrayEquals(new int[] {1, 3, 0, 2}, d.sequences()[0], "b@10, d@20.5, a@30, c@30 (file order on the tie)");
        Interactions noHeader = SequenceReader.read(file("t.csv", "u1,a,2\nu1,b,1\n"));
        assertArrayEquals(new int[] {1, 0}, noHeader.sequences()[0]);
    }

    @Test void badSequencesNameTheFileLineAndField() throws IOException {
        Path lonely = file("a.txt", "1 2 3\n2\n");
        assertBad(lonely + ", line 2: user '2' has no items", () -> SequenceReader.read(lonely));
        Path twice = file("b.txt", "1 2 3\n1 4\n");
        assertBad("line 2: user '1' appears again (first on line 1)", () -> SequenceReader.read(twice));
        Path fields = file("c.csv", "u,i,t\nu1,a\n");
        assertBad("line 2: expected 3 comma-separated fields user,item,timestamp, got 2", () -> SequenceReader.read(fields));
        Path time = file("d.csv", "u1,a,1\nu1,b,yesterday\n");
        assertBad("line 2, field 'timestamp': 'yesterday' is not a number", () -> SequenceReader.read(time));
        Path empty = file("e.txt", "");
        assertBad("empty input", () -> SequenceReader.read(empty));
        assertBad("file not found", () -> SequenceReader.read(dir.resolve("missing.txt")));
        Path latin1 = dir.resolve("f.txt");
        Files.write(latin1, new byte[] {'1', ' ', (byte) 0xE9, '\n'});
        assertBad("not valid UTF-8", () -> SequenceReader.read(latin1));
    }

    @Test void predictionsInBothFormats() throws IOException {
        Interactions d = SequenceReader.read(file("s.txt", "u1 1 2 3\nu2 3 4 5\n"));
        Map<Integer, int[]> p = PredictionReader.read(file("p.txt", "u2 5 1\n"), d);
        assertEquals(1, p.size());
        assertArrayEquals(new int[] {4, 0}, p.get(1));
        Map<Integer, int[]> c = PredictionReader.read(file("p.csv", "user,item,rank\nu1,4,2\nu1,2,1\nu2,1,1\n"), d);
        assertArrayEquals(new int[] {1, 3}, c.get(0));
        assertArrayEquals(new int[] {0}, c.get(1));
    }

    @Test void badPredictionsNameTheFileLineAndField() throws IOException {
        Interactions d = SequenceReader.read(file("s.txt", "u1 1 2 3\nu2 3 4 5\n"));
        Path unknownItem = file("a.txt", "u1 1 2\nu2 4 99\n");
        assertBad(unknownItem + ", line 2, field 'item 2': unknown item '99'", () -> PredictionReader.read(unknownItem, d));
        Path unknownUser = file("b.txt", "u9 1\n");
        assertBad("line 1, field 'user': unknown user 'u9'", () -> PredictionReader.read(unknownUser, d));
        Path repeated = file("c.txt", "u1 1 2 1\n");
        assertBad("line 1, field 'item 3': item '1' listed twice", () -> PredictionReader.read(repeated, d));
        Path twice = file("d.txt", "u1 1\nu1 2\n");
        assertBad("line 2: user 'u1' appears again", () -> PredictionReader.read(twice, d));
        Path rank = file("e.csv", "u1,1,1\nu1,2,0\n");
        assertBad("line 2, field 'rank': '0' is not a positive integer", () -> PredictionReader.read(rank, d));
        Path sameRank = file("f.csv", "u1,1,1\nu1,2,1\n");
        assertBad("line 2, field 'rank': rank 1 given twice", () -> PredictionReader.read(sameRank, d));
    }

    @Test void idSetsFromOurFilesAndPublishedTokens() throws IOException {
        Path ours = dir.resolve("ids.jsonl");
        SidWriter.write(ours, List.of("2", "1"), List.of(new SemanticId(new int[] {1, 2}, 0), new SemanticId(new int[] {1, 2}, 1)));
        IdSet s = IdSetReader.read("ours", ours, 0, 4);
        assertEquals(List.of("2", "1"), s.itemIds());
        assertArrayEquals(new int[] {1, 2}, s.codes()[1], "the dedup token is not a level");
        Path pub = file("x.index.json", "{\"0\": [\"<a_3>\", \"<b_1>\", \"<c_0>\"], \"1\": [\"<a_0>\", \"<b_1>\", \"<c_2>\"]}");
        IdSet p = IdSetReader.read("x", pub, 1, 4);
        assertEquals(List.of("1", "2"), p.itemIds());
        assertEquals(3, p.levels());
        assertBad("item '1', level 1: code 3 is outside the codebook [0, 3)", () -> IdSetReader.read("x", pub, 1, 3));
        assertArrayEquals(new int[][] {{0, 1, 2}, {3, 1, 0}}, Alignment.codes(p, List.of("2", "1"), "x"));
        assertBad("x, item '7': has no semantic ID", () -> Alignment.codes(p, List.of("7"), "x"));
    }
}
