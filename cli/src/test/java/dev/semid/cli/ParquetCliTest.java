package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.EmbeddingWriter;
import dev.semid.tokenizer.io.NpyReader;
import dev.semid.tokenizer.io.NpyWriter;
import dev.semid.tokenizer.io.SidReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** Parquet through the `semid` commands, on the first 2,000 Amazon Beauty items: the same IDs as from .npy, IDs out and back in. */
class ParquetCliTest {
    static final int ROWS = 2000;
    @TempDir static Path tmp;
    static Path npy, parquet, model;

    @BeforeAll static void beautyAsNpyAndParquet() throws IOException {
        Path shared = Path.of(System.getProperty("semid.shared", "../shared"));
        Matrix all = NpyReader.read(shared.resolve("data/beauty/embeddings-minilm-384.npy"));
        Matrix first = new Matrix(ROWS, all.cols(), Arrays.copyOf(all.data(), ROWS * all.cols()));
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) ids.add(Integer.toString(r + 1)); // row r is item r+1
        npy = tmp.resolve("beauty.npy");
        parquet = tmp.resolve("beauty.parquet");
        NpyWriter.write(npy, first);
        EmbeddingWriter.write(parquet, new EmbeddingSet(ids, first));
        model = tmp.resolve("model-npy");
        train(npy, model, "--id-base", "1");
    }

    private static void train(Path input, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--input", input.toString(), "--out", out.toString(), "--method", "rqkmeans",
                "--levels", "3", "--codes", "32", "--kmeans-iterations", "5", "--quiet"));
        args.addAll(List.of(more));
        CliTest.Run r = semid(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
    }

    private static Path tokenize(Path modelDir, Path input, String out, String... more) {
        Path f = tmp.resolve(out);
        List<String> args = new ArrayList<>(List.of("tokenize", "--model", modelDir.toString(), "--input", input.toString(), "--out", f.toString(), "--quiet"));
        args.addAll(List.of(more));
        CliTest.Run r = semid(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return f;
    }

    @Test void parquetInputGivesByteIdenticalIdsToNpy() throws IOException {
        Path fromParquetModel = tmp.resolve("model-parquet");
        train(parquet, fromParquetModel);
        byte[] viaNpy = Files.readAllBytes(tokenize(model, npy, "npy.jsonl", "--id-base", "1"));
        byte[] viaParquet = Files.readAllBytes(tokenize(fromParquetModel, parquet, "parquet.jsonl"));
        assertEquals(ROWS, new String(viaNpy).lines().count());
        assertArrayEquals(viaNpy, viaParquet, "train and tokenize from Parquet give the .npy path's IDs");
        assertArrayEquals(Files.readAllBytes(model.resolve("weights.bin")), Files.readAllBytes(fromParquetModel.resolve("weights.bin")),
                "and the same model weights");
    }

    @Test void parquetIdsReadBackAndFeedIndexAndEval() throws IOException {
        Path jsonl = tokenize(model, npy, "ids.jsonl", "--id-base", "1");
        Path pq = tokenize(model, parquet, "ids.parquet");
        SidReader.Rows expected = SidReader.read(jsonl), back = SidReader.read(pq);
        assertEquals(expected.ids(), back.ids());
        assertEquals(expected.sids(), back.sids());
        assertTrue(Files.exists(tmp.resolve("ids.metrics.json")));

        CliTest.Run r = semid("index", "build", "--sids", pq.toString(), "--model", model.toString(), "--index", tmp.resolve("index").toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(ROWS + " in the index"), r.out());
        JsonNode item = Json.MAPPER.readTree(semid("lookup", "item", "1234", "--index", tmp.resolve("index").toString()).out());
        assertEquals(expected.sids().get(1233).toString(), item.get("sid").asText());

        JsonNode fromParquet = evalTokenizer(pq, parquet, "eval-parquet.json");
        JsonNode fromJsonl = evalTokenizer(jsonl, npy, "eval-jsonl.json", "--id-base", "1");
        assertEquals(fromJsonl.get("idSets"), fromParquet.get("idSets"));
        assertEquals("ids", fromParquet.get("idSets").get(0).get("name").asText(), "named after the file, as for .jsonl");
    }

    private static JsonNode evalTokenizer(Path sids, Path embeddings, String out, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("eval", "tokenizer", "--sids", sids.toString(), "--embeddings", embeddings.toString(),
                "--codebook-size", "32", "--neighbours", "5", "--out", tmp.resolve(out).toString(), "--quiet"));
        args.addAll(List.of(more));
        CliTest.Run r = semid(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Json.MAPPER.readTree(tmp.resolve(out).toFile());
    }

    @Test void namedColumnsAndBadInput() throws IOException {
        CliTest.Run r = semid("tokenize", "--model", model.toString(), "--input", parquet.toString(), "--out", tmp.resolve("x.jsonl").toString(),
                "--id-column", "item", "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains(parquet + ": no id column: looked for 'item', found 'id', 'embedding'"), r.err());
        assertFalse(Files.exists(tmp.resolve("x.jsonl")), "nothing written");
        assertEquals(0, semid("tokenize", "--model", model.toString(), "--input", parquet.toString(), "--out", tmp.resolve("x.jsonl").toString(),
                "--id-column", "id", "--embedding-column", "embedding", "--quiet").code());

        r = semid("train", "--input", npy.toString(), "--id-column", "id", "--out", tmp.resolve("m-usage").toString(), "--quiet");
        assertEquals(2, r.code(), "column names with .npy are a usage error");
        assertTrue(r.err().contains("column names apply to input with named columns (.parquet)"), r.err());

        Path ids = Files.writeString(tmp.resolve("ids.txt"), "a\n");
        r = semid("train", "--input", parquet.toString(), "--ids", ids.toString(), "--out", tmp.resolve("m-ids").toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("its ids come from its id column"), r.err());

        Path out = tmp.resolve("bad-ids.parquet");
        Path notParquet = Files.writeString(tmp.resolve("fake.parquet"), "id,embedding\n");
        r = semid("tokenize", "--model", model.toString(), "--input", notParquet.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains(notParquet + ": not a readable Parquet file"), r.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary leftovers");
        }
    }

    @Test void helpNamesParquet() {
        assertTrue(semid("train", "--help").out().contains("--embedding-column"));
        assertTrue(semid("tokenize", "--help").out().contains(".parquet"));
        assertTrue(semid("eval", "tokenizer", "--help").out().contains("--id-column"));
    }
}
