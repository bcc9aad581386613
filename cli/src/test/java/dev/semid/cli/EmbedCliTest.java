package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.embed.EmbedConfig;
import dev.semid.embed.SentenceEncoder;
import dev.semid.embed.SentenceModel;
import dev.semid.parquet.HandWrittenParquet;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid embed` and `semid demo --catalogue`: catalogue text to embeddings to IDs, and bad catalogues refused whole. */
class EmbedCliTest {
    @TempDir Path tmp;

    static final String[] PRODUCTS = {"shampoo", "nail polish", "lipstick", "face serum", "perfume"};

    /** 40 items; item 13 has no title or brand (an empty text), item 7 no brand. */
    Path catalogue() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            String p = PRODUCTS[i % PRODUCTS.length];
            if (i == 13) sb.append("{\"item_id\":13,\"categories\":[]}\n");
            else if (i == 7) sb.append("{\"item_id\":7,\"title\":\"mild ").append(p).append("\",\"categories\":[\"Beauty\"]}\n");
            else sb.append("{\"item_id\":").append(i).append(",\"title\":\"").append(i % 3 == 0 ? "organic " : "classic ").append(p)
                    .append("\",\"brand\":\"Brand").append(i % 4).append("\",\"categories\":[\"Beauty\",\"").append(p).append("\"]}\n");
        }
        Path f = tmp.resolve("catalogue.jsonl");
        Files.writeString(f, sb);
        return f;
    }

    @Test void embedsTheTemplateTextOfEveryItemWithIdsCarriedThrough() throws Exception {
        Path cat = catalogue(), out = tmp.resolve("emb.npy");
        String template = "{title} by {brand}: {categories}";
        CliTest.Run r = semid("embed", "--input", cat.toString(), "--text", template, "--out", out.toString(), "--embed-batch", "8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("40 embeddings (384-d)") && r.out().contains("1 empty texts"), r.out());
        EmbeddingSet set = EmbeddingReader.read(out, tmp.resolve("emb.ids.txt"), 0);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 40; i++) ids.add(Integer.toString(i));
        assertEquals(ids, set.ids());
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("emb.embed.json").toFile());
        assertEquals(1, summary.get("emptyTexts").asInt());
        assertEquals(template, summary.get("template").asText());
        // each row is the model's embedding of the item's rendered text, in file order (batches were length-sorted)
        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            String p = PRODUCTS[i % PRODUCTS.length];
            texts.add(i == 13 ? "(unknown item)" : i == 7 ? "mild " + p + " by : Beauty"
                    : (i % 3 == 0 ? "organic " : "classic ") + p + " by Brand" + (i % 4) + ": Beauty, " + p);
        }
        try (SentenceEncoder e = SentenceEncoder.open(SentenceModel.miniLm(), EmbedConfig.defaults().withBatchSize(1))) {
            float[] direct = e.encode(texts, null).vectors().data(), cli = set.vectors().data();
            for (int i = 0; i < 40; i++) {
                double dot = 0, norm = 0;
                for (int j = 0; j < 384; j++) {
                    dot += direct[i * 384 + j] * cli[i * 384 + j];
                    norm += cli[i * 384 + j] * cli[i * 384 + j];
                }
                assertEquals(1.0, norm, 1e-4, "item " + (i + 1) + " unit norm");
                assertEquals(1.0, dot, 1e-4, "item " + (i + 1) + ": '" + texts.get(i) + "'");
            }
        }
        // Parquet out carries the same ids and floats
        Path pq = tmp.resolve("emb.parquet");
        r = semid("embed", "--input", cat.toString(), "--text", template, "--out", pq.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        EmbeddingSet fromParquet = EmbeddingReader.read(pq, null, 0);
        assertEquals(set.ids(), fromParquet.ids());
        assertArrayEquals(set.vectors().data(), fromParquet.vectors().data());
        // --no-normalize keeps the pooled vectors: same directions, norms other than 1
        Path raw = tmp.resolve("raw.npy");
        r = semid("embed", "--input", cat.toString(), "--text", template, "--out", raw.toString(), "--no-normalize", "--quiet");
        assertEquals(0, r.code(), r.err());
        float[] rv = EmbeddingReader.read(raw, tmp.resolve("raw.ids.txt"), 0).vectors().data(), nv = set.vectors().data();
        for (int i = 0; i < 40; i++) {
            double norm = 0, dot = 0;
            for (int j = 0; j < 384; j++) {
                norm += (double) rv[i * 384 + j] * rv[i * 384 + j];
                dot += (double) rv[i * 384 + j] * nv[i * 384 + j];
            }
            assertTrue(Math.abs(Math.sqrt(norm) - 1) > 0.01, "item " + (i + 1) + " left unnormalised: norm " + Math.sqrt(norm));
            assertEquals(1.0, dot / Math.sqrt(norm), 1e-4, "item " + (i + 1) + " points the same way");
        }
        // the embeddings feed training and tokenizing as they are
        Path model = tmp.resolve("model"), sids = tmp.resolve("ids.jsonl");
        r = semid("train", "--input", out.toString(), "--ids", tmp.resolve("emb.ids.txt").toString(), "--method", "rqkmeans", "--levels", "2",
                "--codes", "4", "--out", model.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        r = semid("tokenize", "--model", model.toString(), "--input", out.toString(), "--ids", tmp.resolve("emb.ids.txt").toString(),
                "--out", sids.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(40, Files.readAllLines(sids).size());
    }

    /** {@link #catalogue()} as pyarrow writes it from a DataFrame (int64 ids, nulls for the missing fields, list<string>), and a bytes column. */
    static final String PARQUET_CATALOGUE = """
            message schema {
              optional int64 item_id;
              optional binary title (STRING);
              optional binary brand (STRING);
              optional group categories (LIST) { repeated group list { optional binary element (STRING); } }
              optional binary image;
            }""";

    @Test void aParquetCatalogueGivesTheSameEmbeddingsAndIdsAsJsonLines() throws Exception {
        Path jsonl = catalogue(), parquet = tmp.resolve("catalogue.parquet");
        List<List<Object>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode o = new ObjectMapper().readTree(line);
            List<Object> categories = new ArrayList<>();
            o.get("categories").forEach(c -> categories.add(c.asText()));
            rows.add(HandWrittenParquet.row(o.get("item_id").asLong(), o.path("title").textValue(), o.path("brand").textValue(), categories));
        }
        HandWrittenParquet.write(parquet, PARQUET_CATALOGUE, rows);
        String template = "{title} by {brand}: {categories}";
        for (Path in : List.of(jsonl, parquet)) {
            CliTest.Run r = semid("embed", "--input", in.toString(), "--text", template, "--out", tmp.resolve(in.getFileName() + ".npy").toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
        }
        assertArrayEquals(Files.readAllBytes(tmp.resolve("catalogue.jsonl.npy")), Files.readAllBytes(tmp.resolve("catalogue.parquet.npy")),
                "the same embeddings, bit for bit");
        List<String> ids = Files.readAllLines(tmp.resolve("catalogue.jsonl.ids.txt"));
        assertEquals(40, ids.size());
        assertEquals(ids, Files.readAllLines(tmp.resolve("catalogue.parquet.ids.txt")));
        // a column with no text form is not a field, and the error says so
        CliTest.Run r = semid("embed", "--input", parquet.toString(), "--text", "{title} {image}", "--out", tmp.resolve("img.npy").toString());
        assertEquals(SemidCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("'image'") && r.err().contains("columns with no text form: image"), r.err());
    }

    @Test void aBadCatalogueIsRefusedNamingWhatAndWhereAndNothingIsWritten() throws Exception {
        Path cat = catalogue(), out = tmp.resolve("bad.npy");
        CliTest.Run r = semid("embed", "--input", cat.toString(), "--text", "{title} by {maker}", "--out", out.toString());
        assertEquals(SemidCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("'maker'") && r.err().contains("fields: item_id, title, brand, categories"), r.err());
        Path broken = tmp.resolve("broken.jsonl");
        Files.writeString(broken, "{\"id\":1,\"title\":\"a\"}\n{\"id\":2,\"title\":\"b\"\n{\"id\":3,\"title\":\"c\"}\n");
        r = semid("embed", "--input", broken.toString(), "--text", "{title}", "--out", out.toString());
        assertEquals(SemidCommand.BAD_INPUT, r.code());
        assertTrue(r.err().contains("broken.jsonl") && r.err().contains("line 2") && r.err().contains("invalid JSON"), r.err());
        r = semid("embed", "--input", cat.toString(), "--text", "{title", "--out", out.toString());
        assertEquals(2, r.code(), "a malformed template is a usage error: " + r.err());
        assertTrue(r.err().contains("not closed"), r.err());
        assertFalse(Files.exists(out) || Files.exists(tmp.resolve("bad.ids.txt")) || Files.exists(tmp.resolve("bad.embed.json")), "nothing written");
    }

    @Test void demoRunsFromCatalogueTextToTheIndex() throws Exception {
        Path work = tmp.resolve("demo");
        CliTest.Run r = semid("demo", "--catalogue", catalogue().toString(), "--text", "{title} {categories}", "--method", "rqkmeans",
                "--levels", "2", "--codes", "4", "--work", work.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("40 items embedded") && r.out().contains("lookup item 1 → "), r.out());
        assertTrue(Files.exists(work.resolve("catalogue.npy")) && Files.exists(work.resolve("catalogue.ids.txt")) && Files.isDirectory(work.resolve("index")));
    }
}
