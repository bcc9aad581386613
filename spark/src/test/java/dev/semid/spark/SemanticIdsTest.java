package dev.semid.spark;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.spark.bench.ReportDifference;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.RqVaeTrainer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.*;

/** The Spark job against {@code semid tokenize}'s own code path (Tokenization.run) on Amazon Beauty. */
class SemanticIdsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path tmp;
    static SparkSession spark;
    static EmbeddingSet beauty;
    static Path kmeans, rqvae;

    @BeforeAll static void setUp() throws Exception {
        beauty = TestData.beautyMiniLm();
        QuantizerModel km = new RqKMeansTrainer(RqKMeansConfig.builder().levels(3).codes(32).iterations(5).seed(1).build(),
                TrainingListener.NONE).train(beauty.vectors());
        QuantizerModel vae = new RqVaeTrainer(RqVaeConfig.builder().hidden(64).latentDim(16).levels(3).codes(32).epochs(2)
                .batchSize(256).validationFraction(0.1).patience(0).seed(3).build(), Device.cpu(), TrainingListener.NONE)
                .train(beauty.vectors());
        ModelArtifact.save(km, kmeans = tmp.resolve("kmeans"));
        ModelArtifact.save(vae, rqvae = tmp.resolve("rqvae"));
        spark = SparkSession.builder().master("local[2]").appName("semid-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll static void tearDown() {
        if (spark != null) spark.stop();
    }

    @Test void rqKMeansIdsAndMetricsEqualTheCliForAllBeautyItems() {
        Tokenization.Result expected = reference(kmeans, beauty, CollisionConfig.defaults());
        assertTrue(expected.sids().stream().anyMatch(s -> s.dedup() > 0), "the test needs colliding items");
        Tokenized t = SemanticIds.tokenize(items(beauty, 0, beauty.size()).repartition(3), kmeans, TokenizeOptions.defaults());
        assertSameIds(beauty, expected.sids(), t.ids());
        // the same engine on the same rows: only the order of the floating-point sums differs
        assertSameMetrics(expected.metrics(), JSON.valueToTree(t.metrics()), 1e-9);
        var changed = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(t.metrics());
        assertEquals("maxDedupToken: " + expected.metrics().maxDedupToken() + " vs 999",
                ReportDifference.of(JSON.valueToTree(expected.metrics()), changed.put("maxDedupToken", 999), 1e-9));
    }

    @Test void rqVaeIdsAndMetricsEqualTheCliForAllBeautyItemsWithIntegerIds() {
        Tokenization.Result expected = reference(rqvae, beauty, CollisionConfig.defaults());
        Dataset<Row> intIds = items(beauty, 0, beauty.size()).withColumn("id", col("id").cast("int")).repartition(3);
        Tokenized t = SemanticIds.tokenize(intIds, rqvae, TokenizeOptions.defaults());
        assertSameIds(beauty, expected.sids(), t.ids());
        // PyTorch's float results can differ in the last bits with the batch size (4,096 rows here, 65,536 in the CLI)
        assertSameMetrics(expected.metrics(), JSON.valueToTree(t.metrics()), 1e-5);
    }

    @Test void theMetricsNeedEveryIdComputed() {
        Tokenized t = SemanticIds.tokenize(items(beauty, 0, 300), kmeans, TokenizeOptions.defaults());
        t.ids().limit(10).collectAsList();
        assertThrows(IllegalStateException.class, t::metrics);
    }

    @Test void aRepeatedItemIdFailsNamingIt() {
        Dataset<Row> in = items(beauty, 0, 100).union(rows(List.of(new ItemRow(beauty.ids().get(7), beauty.vectors().row(50)),
                new ItemRow(beauty.ids().get(3), beauty.vectors().row(60)), new ItemRow(beauty.ids().get(3), beauty.vectors().row(61)))));
        DuplicateIdException e = assertThrows(DuplicateIdException.class,
                () -> SemanticIds.tokenize(in, kmeans, TokenizeOptions.defaults().withRejectBadRows(true)));
        assertEquals("item '" + beauty.ids().get(3) + "' is on 3 rows of the input; item ids must be unique (also repeated: '"
                + beauty.ids().get(7) + "' on 2 rows)", e.getMessage());
    }

    @Test void aBadRowFailsTheJobNamingItsId() {
        float[] nan = beauty.vectors().row(0);
        nan[7] = Float.NaN;
        Dataset<Row> in = items(beauty, 0, 50).union(rows(List.of(new ItemRow("nan-item", nan))));
        Exception e = assertThrows(Exception.class, () -> SemanticIds.tokenize(in, kmeans, TokenizeOptions.defaults()).ids().collectAsList());
        assertTrue(fullMessage(e).contains("item 'nan-item': embedding value 7 is NaN"), fullMessage(e));
    }

    @Test void anOverflowingTupleFailsTheJobNamingIt() {
        int maxDedup = 0;
        var cli = assertThrows(dev.semid.tokenizer.sid.DedupOverflowException.class,
                () -> reference(kmeans, beauty, CollisionConfig.defaults().withMaxDedup(maxDedup).withSpill(false))); // semid tokenize --no-spill
        Dataset<Row> in = items(beauty, 0, beauty.size());
        Exception e = assertThrows(Exception.class,
                () -> SemanticIds.tokenize(in, kmeans, TokenizeOptions.defaults().withMaxDedup(maxDedup)).ids().count());
        assertTrue(fullMessage(e).contains("dedup token overflow: code tuple "), fullMessage(e));
        assertTrue(cli.getMessage().startsWith("dedup token overflow: code tuple "));
    }

    @Test void theJobWritesIdsReportAndRejectedRows() throws Exception {
        int n = 2000;
        EmbeddingSet part = new EmbeddingSet(beauty.ids().subList(0, n), beauty.vectors().slice(0, n));
        List<ItemRow> bad = List.of(new ItemRow("short", new float[] {1, 2, 3}), new ItemRow("no-vector", null),
                new ItemRow("inf", infinite(beauty.vectors().row(5))));
        Path dir = Files.createDirectory(tmp.resolve("job"));
        String input = dir.resolve("in").toString(), out = dir.resolve("out").toString(), errors = dir.resolve("errors").toString();
        items(beauty, 0, n).union(rows(bad)).repartition(2).write().parquet(input);
        assertEquals(0, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out, "--errors", errors));

        Tokenization.Result cli = reference(kmeans, part, CollisionConfig.defaults());
        assertSameIds(part, cli.sids(), spark.read().parquet(out));
        Map<String, String> rejected = new HashMap<>();
        for (Row r : spark.read().parquet(errors).collectAsList()) rejected.put(r.getString(0), r.getString(1));
        assertEquals(Map.of("short", "embedding has dimension 3, the model expects 384", "no-vector", "embedding is null",
                "inf", "embedding value 2 is Infinity; embeddings must be finite"), rejected);
        assertEquals(ModelFingerprint.of(ModelArtifact.load(kmeans)),
                spark.read().parquet(out).schema().apply("sid").metadata().getString(SemanticIds.MODEL_METADATA_KEY));

        JsonNode report = JSON.readTree(Files.readString(dir.resolve("out").resolve(RunReport.FILE)));
        assertEquals(ModelFingerprint.of(ModelArtifact.load(kmeans)), report.get("model").asText());
        assertEquals(n, report.get("items").asInt());
        assertEquals(out, report.get("output").asText());
        assertSameMetrics(cli.metrics(), report.get("metrics"), 1e-9);
        assertEquals(Set.of("in", "out", "errors"), entries(dir), "no staging directory left");

        assertEquals(2, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString()), "--out missing");
        assertEquals(2, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out), "--out exists");
        assertEquals(3, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out + "-2"),
                "bad rows without --errors");
        assertThrows(dev.semid.tokenizer.sid.DedupOverflowException.class,
                () -> reference(kmeans, part, CollisionConfig.defaults().withMaxDedup(0).withSpill(false)), "the subset needs a collision");
        assertEquals(5, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out + "-3",
                "--errors", errors + "-3", "--max-dedup", "0"));
        assertEquals(Set.of("in", "out", "errors"), entries(dir), "the failed jobs left nothing, staged or not");
    }

    @Test void aRepeatedItemIdFailsTheJobWithOrWithoutErrors() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("repeated"));
        String input = dir.resolve("in").toString(), out = dir.resolve("out").toString();
        items(beauty, 0, 200).union(rows(List.of(new ItemRow(beauty.ids().get(9), beauty.vectors().row(300))))).write().parquet(input);
        assertEquals(3, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out));
        assertEquals(3, SemanticIdsJob.execute(spark, "--input", input, "--model", kmeans.toString(), "--out", out,
                "--errors", dir.resolve("errors").toString()));
        assertEquals(Set.of("in"), entries(dir));
    }

    @Test void anEmptyInputGivesAnEmptyOutput() throws Exception {
        String input = tmp.resolve("empty-in").toString(), out = tmp.resolve("empty-out").toString();
        rows(List.of()).write().parquet(input);
        assertEquals(0, SemanticIdsJob.execute(spark, "--input", input, "--model", rqvae.toString(), "--out", out));
        Dataset<Row> ids = spark.read().parquet(out);
        assertEquals(0, ids.count());
        assertEquals(List.of("id", "sid", "codes"), Arrays.asList(ids.schema().fieldNames()));
        JsonNode report = JSON.readTree(Files.readString(tmp.resolve("empty-out").resolve(RunReport.FILE)));
        assertEquals(0, report.get("items").asInt());
    }

    /** What {@code semid tokenize} gives: Tokenization.run with the tokenizer Tokenizers.open picks. */
    static Tokenization.Result reference(Path model, EmbeddingSet items, CollisionConfig collisions) {
        try (Tokenizer t = Tokenizers.open(ModelArtifact.load(model), Device.cpu())) {
            return Tokenization.run(t, items, collisions, (done, total) -> {});
        }
    }

    /** Field by field as JSON: equal, but the three error ratios within a relative {@code tolerance}. */
    static void assertSameMetrics(TokenizerMetrics expected, JsonNode actual, double tolerance) {
        assertNull(ReportDifference.of(JSON.valueToTree(expected), actual, tolerance));
    }

    static Set<String> entries(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
        }
    }

    static void assertSameIds(EmbeddingSet items, List<SemanticId> expected, Dataset<Row> actual) {
        Map<String, Row> byId = new HashMap<>();
        for (Row r : actual.collectAsList()) assertNull(byId.put(r.getString(0), r), "id " + r.getString(0) + " twice");
        assertEquals(items.size(), byId.size());
        for (int i = 0; i < items.size(); i++) {
            Row r = byId.get(items.ids().get(i));
            assertNotNull(r, "no ID for item " + items.ids().get(i));
            assertEquals(expected.get(i).toString(), r.getString(1), "item " + items.ids().get(i));
            int[] codes = r.<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray();
            assertArrayEquals(expected.get(i).withDedup(), codes, "item " + items.ids().get(i));
        }
    }

    static Dataset<Row> items(EmbeddingSet set, int from, int to) {
        List<ItemRow> list = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) list.add(new ItemRow(set.ids().get(i), set.vectors().row(i)));
        return rows(list);
    }

    static Dataset<Row> rows(List<ItemRow> list) {
        return spark.createDataset(list, Encoders.bean(ItemRow.class)).toDF().select("id", "embedding");
    }

    static float[] infinite(float[] v) {
        v[2] = Float.POSITIVE_INFINITY;
        return v;
    }

    static String fullMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) sb.append(c.getMessage()).append(" | ");
        return sb.toString();
    }
}
