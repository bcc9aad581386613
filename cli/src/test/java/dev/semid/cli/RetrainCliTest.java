package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.semid.index.SidIndexReader;
import dev.semid.tokenizer.io.NpyReader;
import dev.semid.tokenizer.io.NpyWriter;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** A retrain on the first 3,000 Beauty items: aligned to the old model or not, the churn, and the index switched over (its map in Parquet). */
class RetrainCliTest {
    static final int ROWS = 3000;
    @TempDir static Path tmp;
    static Path input, oldModel, aligned, unaligned, oldIds, alignedIds, unalignedIds;

    @BeforeAll static void threeModels() throws IOException {
        Matrix all = NpyReader.read(Path.of(System.getProperty("semid.shared", "../shared")).resolve("data/beauty/embeddings-minilm-384.npy"));
        input = tmp.resolve("beauty.npy");
        NpyWriter.write(input, new Matrix(ROWS, all.cols(), Arrays.copyOf(all.data(), ROWS * all.cols())));
        oldModel = train("old", "--seed", "1");
        aligned = train("aligned", "--seed", "2", "--align-to", oldModel.toString());
        unaligned = train("unaligned", "--seed", "2");
        oldIds = tokenize(oldModel);
        alignedIds = tokenize(aligned);
        unalignedIds = tokenize(unaligned);
    }

    private static Path train(String name, String... more) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("train", "--input", input.toString(), "--out", out.toString(), "--method", "rqkmeans",
                "--levels", "3", "--codes", "32", "--quiet"));
        args.addAll(List.of(more));
        CliTest.Run r = semid(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static Path tokenize(Path model) {
        Path f = tmp.resolve(model.getFileName() + ".jsonl");
        CliTest.Run r = semid("tokenize", "--model", model.toString(), "--input", input.toString(), "--out", f.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        return f;
    }

    private static JsonNode diff(Path a, Path b) throws IOException {
        Path json = tmp.resolve(a.getFileName() + "-" + b.getFileName() + ".json");
        CliTest.Run r = semid("diff", a.toString(), b.toString(), "--json", json.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("items in both"), r.out());
        return Json.MAPPER.readTree(json.toFile());
    }

    @Test void alignmentKeepsCodesTheUnalignedRetrainLoses() throws IOException {
        JsonNode withAlignment = diff(oldIds, alignedIds), without = diff(oldIds, unalignedIds);
        assertEquals(ROWS, withAlignment.get("commonItems").asInt());
        double keptAligned = 1 - withAlignment.get("changed").get("prefix1").asDouble();
        double keptUnaligned = 1 - without.get("changed").get("prefix1").asDouble();
        double prefix2Aligned = 1 - withAlignment.get("changed").get("prefix2").asDouble();
        double prefix2Unaligned = 1 - without.get("changed").get("prefix2").asDouble();
        assertTrue(keptAligned > 0.5 && keptAligned >= 5 * keptUnaligned, "level-1 codes kept: " + keptAligned + " aligned, " + keptUnaligned + " not");
        assertTrue(prefix2Aligned >= 5 * Math.max(prefix2Unaligned, 1.0 / ROWS), "2-level prefixes kept: " + prefix2Aligned + " vs " + prefix2Unaligned);

        JsonNode a = Json.MAPPER.readTree(aligned.resolve("model.json").toFile()), u = Json.MAPPER.readTree(unaligned.resolve("model.json").toFile());
        String oldFingerprint = Json.MAPPER.readTree(oldModel.resolve("model.json").toFile()).get("fingerprint").asText();
        assertEquals(oldFingerprint, a.get("settings").get("lineage").get(0).asText(), a.get("settings").toString());
        assertNull(u.get("settings").get("lineage"));
        assertEquals(u.get("metrics").get("final").get("relativeQuantizationError").asDouble(),
                a.get("metrics").get("final").get("relativeQuantizationError").asDouble(), "the renumbering leaves the error as it was");
    }

    @Test void anIndexMigratesToTheAlignedModelOnlyAndEveryItemTakesItsNewId() throws IOException {
        Path index = tmp.resolve("index");
        assertEquals(0, semid("index", "build", "--model", oldModel.toString(), "--sids", oldIds.toString(), "--index", index.toString(), "--quiet").code());

        CliTest.Run refused = semid("index", "migrate", "--index", index.toString(), "--model", unaligned.toString(), "--sids", unalignedIds.toString());
        assertNotEquals(0, refused.code());
        assertTrue(refused.err().contains("--align-to"), refused.err());

        Path map = tmp.resolve("map.parquet");
        CliTest.Run r = semid("index", "migrate", "--index", index.toString(), "--model", aligned.toString(), "--sids", alignedIds.toString(),
                "--map", map.toString());
        assertEquals(0, r.code(), r.err());
        SidReader.Rows before = SidReader.read(oldIds), after = SidReader.read(alignedIds);
        try (SidIndexReader reader = SidIndexReader.open(index, null)) {
            reader.read(l -> {
                assertEquals((long) ROWS, l.size());
                for (int i = 0; i < after.size(); i++)
                    assertEquals(after.sids().get(i), l.item(after.ids().get(i)).orElseThrow().sid(), after.ids().get(i));
                return null;
            });
        }
        java.util.Map<String, java.util.Map<String, String>> rows = new java.util.LinkedHashMap<>();
        dev.semid.tokenizer.io.CatalogueReader.read(map, "id", (id, fields, where) -> rows.put(id, fields));
        assertEquals(ROWS, rows.size());
        for (int i = 0; i < before.size(); i++) {
            java.util.Map<String, String> row = rows.get(before.ids().get(i));
            assertEquals(before.sids().get(i), SemanticId.parse(row.get("old")));
            assertEquals(after.sids().get(i), SemanticId.parse(row.get("new")));
        }
    }
}
