package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.io.SidReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid index …`, `semid lookup …` and `semid tokenize --index` against real indexes on disk. */
class IndexCliTest {
    @TempDir static Path tmp;
    static Path npy, model, sids, index;

    @BeforeAll static void tokenizeAndIndex() throws IOException {
        npy = tmp.resolve("items.npy");
        model = tmp.resolve("model");
        CliTest.trainSmallModel(npy, model);
        sids = tmp.resolve("index-ids.jsonl");
        index = tmp.resolve("index");
        Path items = tmp.resolve("items.tsv");
        StringBuilder tsv = new StringBuilder("item_id\tasin\ttext\n");
        for (int i = 1; i <= 3000; i++) tsv.append(i).append("\tB").append(i).append("\tthing number ").append(i).append('\n');
        Files.writeString(items, tsv);
        CliTest.Run r = semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--id-base", "1",
                "--out", sids.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        r = semid("index", "build", "--sids", sids.toString(), "--model", model.toString(), "--index", index.toString(),
                "--payload", items.toString(), "--payload-columns", "text", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("3000 in the index"), r.out());
    }

    static JsonNode json(CliTest.Run r) throws IOException {
        assertEquals(0, r.code(), r.err());
        return Json.MAPPER.readTree(r.out());
    }

    @Test void lookupsAnswerInJsonAndAgreeWithTheTokenizeOutput() throws IOException {
        SidReader.Rows rows = SidReader.read(sids);
        for (int i : new int[] {0, 1234, 2999}) {
            String id = rows.ids().get(i), sid = rows.sids().get(i).toString();
            JsonNode item = json(semid("lookup", "item", id, "--index", index.toString(), "--payload"));
            assertEquals(sid, item.get("sid").asText());
            assertEquals("thing number " + id, item.get("payload").get("text").asText());
            JsonNode back = json(semid("lookup", "sid", sid, "--index", index.toString()));
            assertEquals(id, back.get("items").get(0).get("id").asText());
        }
        JsonNode root = json(semid("lookup", "children", "--index", index.toString()));
        assertEquals(3000, root.get("count").asLong());
        String p = root.get("children").get(0).get("prefix").asText();
        long n = root.get("children").get(0).get("count").asLong();
        JsonNode page = json(semid("lookup", "prefix", p, "--index", index.toString(), "--limit", "5"));
        assertEquals(n, page.get("total").asLong());
        assertEquals(Math.min(5, n), page.get("items").size());
        if (n > 5) {
            JsonNode next = json(semid("lookup", "prefix", p, "--index", index.toString(), "--limit", "5", "--after", page.get("next").asText()));
            assertTrue(next.get("items").get(0).get("sid").asText().compareTo(page.get("items").get(4).get("sid").asText()) != 0);
        }
        JsonNode info = json(semid("index", "info", "--index", index.toString()));
        assertEquals(3000, info.get("items").asLong());
        assertTrue(info.get("bytesPerItem").asDouble() > 0);
    }

    @Test void tokenizeWithIndexBuildsTheSameIndex() throws IOException {
        Path direct = tmp.resolve("direct-index");
        CliTest.Run r = semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--id-base", "1",
                "--index", direct.toString(), "--metrics", tmp.resolve("direct.metrics.json").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        SidReader.Rows rows = SidReader.read(sids);
        try (SidIndexReader a = SidIndexReader.open(direct, null)) {
            a.read(l -> {
                assertEquals(3000L, l.size());
                for (int i = 0; i < rows.size(); i++) assertEquals(rows.sids().get(i), l.item(rows.ids().get(i)).orElseThrow().sid());
                return null;
            });
        }
        // building again from the same IDs upserts: nothing duplicated
        assertEquals(0, semid("index", "build", "--sids", sids.toString(), "--model", model.toString(), "--index", direct.toString(),
                "--quiet").code());
        try (SidIndexReader a = SidIndexReader.open(direct, null)) {
            assertEquals(3000L, (long) a.read(SidLookup::size));
        }
    }

    @Test void errorsAreClearWithTheirOwnExitCodes() throws IOException {
        CliTest.Run r = semid("lookup", "item", "no-such-item", "--index", index.toString());
        assertEquals(7, r.code());
        assertTrue(r.err().contains("'no-such-item' is not in index"), r.err());
        r = semid("lookup", "sid", "1-2-x-0", "--index", index.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("malformed semantic ID '1-2-x-0'"), r.err());
        r = semid("lookup", "prefix", "1-2-3-4-5", "--index", index.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("at most 3"), r.err());
        r = semid("lookup", "children", "99", "--index", index.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("code 99 at level 1"), r.err());
        r = semid("lookup", "item", "1", "--index", tmp.resolve("nowhere").toString());
        assertEquals(6, r.code());
        assertTrue(r.err().contains("no semid index"), r.err());

        // an index of another model: refused for lookups with --model and for building, unless --reindex
        Path other = tmp.resolve("other-model");
        r = semid("train", "--input", npy.toString(), "--id-base", "1", "--out", other.toString(), "--method", "rqkmeans",
                "--levels", "3", "--codes", "32", "--kmeans-iterations", "2", "--quiet");
        assertEquals(0, r.code(), r.err());
        r = semid("lookup", "item", "1", "--index", index.toString(), "--model", other.toString());
        assertEquals(6, r.code());
        assertTrue(r.err().contains("was built for model"), r.err());
        Path copy = tmp.resolve("reindexed");
        assertEquals(0, semid("index", "build", "--sids", sids.toString(), "--model", model.toString(), "--index", copy.toString(),
                "--quiet").code());
        Path otherIds = tmp.resolve("other-ids.csv");
        assertEquals(0, semid("tokenize", "--model", other.toString(), "--input", npy.toString(), "--id-base", "1",
                "--out", otherIds.toString(), "--quiet").code());
        r = semid("index", "build", "--sids", otherIds.toString(), "--model", other.toString(), "--index", copy.toString(), "--quiet");
        assertEquals(6, r.code());
        assertTrue(r.err().contains("--reindex"), r.err());
        r = semid("index", "build", "--sids", otherIds.toString(), "--model", other.toString(), "--index", copy.toString(), "--reindex", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, semid("lookup", "item", "1", "--index", copy.toString(), "--model", other.toString()).code());

        // IDs that do not fit the model are bad input, named by item
        Path wrong = tmp.resolve("wrong.csv");
        Files.writeString(wrong, "id,sid\n1,1-2-0\n");
        r = semid("index", "build", "--sids", wrong.toString(), "--model", model.toString(), "--index", tmp.resolve("w").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("item '1'") && r.err().contains("2 codes"), r.err());
        Files.writeString(wrong, "id,sid\n1,1-2-3-0\n2,1-2-99-0\n");
        r = semid("index", "build", "--sids", wrong.toString(), "--model", model.toString(), "--index", tmp.resolve("w").toString());
        assertEquals(3, r.code());
        assertTrue(r.err().contains("item '2'") && r.err().contains("code 99 at level 3"), r.err());
        assertFalse(DirectoryReader.indexExists(FSDirectory.open(tmp.resolve("w"))), "nothing written");
    }

    @Test void everyIndexCommandHasHelp() {
        for (List<String> cmd : List.of(List.of("index", "build"), List.of("index", "info"), List.of("index", "delete"), List.of("lookup"))) {
            String[] args = new java.util.ArrayList<>(cmd) {{ add("--help"); }}.toArray(new String[0]);
            CliTest.Run r = semid(args);
            assertEquals(0, r.code(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage: semid " + String.join(" ", cmd)), r.out());
        }
    }
}
