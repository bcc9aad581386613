package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid eval tokenizer|recsys` and `semid report` end to end on small hand-made files. */
class EvalCliTest {
    @TempDir Path tmp;

    /** 4 users over items 1..6; u4 has 2 items (skipped). */
    private Path sequences() throws IOException {
        return Files.writeString(tmp.resolve("seq.txt"), "u1 1 2 3 4\nu2 2 3 4 5 6\nu3 6 5 1 2\nu4 1 2\n");
    }

    private Path ids() throws IOException {
        Path f = tmp.resolve("ours.jsonl");
        List<String> items = List.of("1", "2", "3", "4", "5", "6");
        int[][] c = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 0}};
        int[] dedup = {0, 0, 0, 0, 0, 1}; // items 5 and 6 collide on 2-0
        SidWriter.write(f, items, java.util.stream.IntStream.range(0, 6).mapToObj(i -> new SemanticId(c[i], dedup[i])).toList());
        return f;
    }

    @Test void everyEvalCommandHasHelp() {
        for (String[] cmd : new String[][] {{"eval"}, {"eval", "recsys"}, {"eval", "tokenizer"}, {"report"}}) {
            List<String> args = new java.util.ArrayList<>(List.of(cmd));
            args.add("--help");
            CliTest.Run r = semid(args.toArray(String[]::new));
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage: semid " + String.join(" ", cmd)), r.out());
        }
        assertTrue(semid("eval", "recsys", "--help").out().contains("--seen"));
    }

    @Test void recsysEvaluatesBaselinesAndPredictionsAndWritesJson() throws IOException {
        Path preds = Files.writeString(tmp.resolve("model.txt"), "u1 4 1\nu2 5 6\n");
        Path out = tmp.resolve("r.json");
        CliTest.Run r = semid("eval", "recsys", "--sequences", sequences().toString(), "--predictions", "mine=" + preds,
                "--baseline", "popularity,sid-prefix", "--sids", ids().toString(), "--k", "1,5", "--bootstrap", "200", "--out", out.toString(),
                "--published", "paper=recall@5:0.5");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(out.toFile());
        assertEquals("recsys", j.get("kind").asText());
        assertEquals(3, j.get("evaluatedUsers").asInt());
        assertEquals(1, j.get("skippedUsers").asInt());
        assertEquals(List.of("mine", "popularity", "sid-prefix:ours"), j.get("systems").findValuesAsText("name"));
        // mine: u1 target 4 at rank 1, u2 target 6 at rank 2, u3 no list → recall@1 = 1/3, recall@5 = 2/3
        JsonNode mine = j.get("systems").get(0).get("metrics");
        assertEquals(1.0 / 3, mine.get("recall@1").asDouble(), 1e-12);
        assertEquals(2.0 / 3, mine.get("recall@5").asDouble(), 1e-12);
        assertEquals(2, j.get("comparisons").size());
        assertEquals("paper", j.get("published").get(0).get("name").asText());
        assertTrue(r.out().contains("recall@5") && r.err().contains("full ranking of 3 users × 6 items"), r.out() + r.err());
    }

    @Test void tokenizerAndReportCommandsWriteJsonAndHtml() throws IOException {
        Path tok = tmp.resolve("t.json"), rec = tmp.resolve("r.json"), html = tmp.resolve("report.html");
        assertEquals(0, semid("eval", "tokenizer", "--sids", ids().toString(), "--codebook-size", "4", "--out", tok.toString(), "--quiet").code());
        JsonNode t = Json.MAPPER.readTree(tok.toFile()).get("idSets").get(0);
        assertEquals("ours", t.get("name").asText());
        assertEquals(5, t.get("prefixCollisions").get(1).get("distinctIds").asInt());
        assertEquals(0, semid("eval", "recsys", "--sequences", sequences().toString(), "--baseline", "popularity", "--out", rec.toString(), "--quiet").code());
        CliTest.Run r = semid("report", "--in", tok.toString(), "--in", rec.toString(), "--out", html.toString());
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<script type=\"application/json\" id=\"report-data\">") && page.contains("\"ours\""));
        assertTrue(Files.exists(tmp.resolve("report.json")));
    }

    @Test void badInputExitsThreeNamesFileLineAndFieldAndWritesNothing() throws IOException {
        Path out = tmp.resolve("never.json");
        Path preds = Files.writeString(tmp.resolve("p.txt"), "u1 4 1\nu2 5 77\n");
        CliTest.Run r = semid("eval", "recsys", "--sequences", sequences().toString(), "--predictions", preds.toString(), "--out", out.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(preds + ", line 2, field 'item 2': unknown item '77'"), r.err());
        Path bad = Files.writeString(tmp.resolve("bad.txt"), "u1 1 2 3\nu2\n");
        r = semid("eval", "recsys", "--sequences", bad.toString(), "--baseline", "popularity", "--out", out.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(bad + ", line 2: user 'u2' has no items"), r.err());
        Path csv = Files.writeString(tmp.resolve("bad.csv"), "user,item,timestamp\nu1,1,5\nu1,2\n");
        r = semid("eval", "recsys", "--sequences", csv.toString(), "--baseline", "popularity", "--out", out.toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains(csv + ", line 3: expected 3 comma-separated fields"), r.err());
        Path notEval = Files.writeString(tmp.resolve("other.json"), "{\"kind\": \"weather\"}");
        r = semid("report", "--in", notEval.toString(), "--out", tmp.resolve("never.html").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("field 'kind'"), r.err());
        assertFalse(Files.exists(out) || Files.exists(tmp.resolve("never.html")));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary leftovers");
        }
    }

    @Test void usageErrorsExitTwo() throws IOException {
        String seq = sequences().toString(), out = tmp.resolve("x.json").toString();
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--baseline", "knn", "--out", out).code(), "knn without embeddings");
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--baseline", "sid-prefix", "--out", out).code(), "sid-prefix without --sids");
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--baseline", "popularity", "--seen", "maybe", "--out", out).code());
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--baseline", "popularity", "--k", "10,5", "--out", out).code());
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--baseline", "random", "--out", out).code());
        assertEquals(2, semid("eval", "recsys", "--sequences", seq, "--out", out).code(), "nothing to evaluate");
        assertEquals(2, semid("eval", "tokenizer", "--out", out).code(), "no ID sets");
    }
}
