package dev.semid.cli;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.io.NpyWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The `semid` command end to end, in process and in child JVMs. */
class CliTest {
    @TempDir static Path tmp;
    static Path npy, model;

    record Run(int code, String out, String err) {}

    static Run semid(String... args) {
        PrintStream o = System.out, e = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = SemidCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @BeforeAll static void trainSmallModel() throws IOException {
        npy = tmp.resolve("items.npy");
        model = tmp.resolve("model");
        trainSmallModel(npy, model);
    }

    /** 3,000 synthetic 32-d items to {@code npy} (ids 1..3000), an RQ-VAE of 3 × 32 codes to {@code model}. */
    static void trainSmallModel(Path npy, Path model) throws IOException {
        EmbeddingSet set = SyntheticCatalogue.generate(3000, 32, 8, 8, 3);
        NpyWriter.write(npy, set.vectors());
        Run r = semid("train", "--input", npy.toString(), "--id-base", "1", "--out", model.toString(), "--method", "rqvae",
                "--levels", "3", "--codes", "32", "--latent-dim", "16", "--hidden", "64,32", "--epochs", "8",
                "--batch-size", "256", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("model ") && r.out().lines().count() == 1, "--quiet prints the result line only: " + r.out());
        assertTrue(Files.exists(model.resolve("model.json")));
    }

    @Test void everyCommandHasHelp() {
        for (String cmd : List.of("train", "tokenize", "inspect", "demo", "bench", "embed")) {
            Run r = semid(cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: semid " + cmd), r.out());
        }
        Run r = semid("--help");
        assertTrue(r.out().contains("Exit codes"), r.out());
    }

    @Test void tokenizeWritesEveryFormatWithMetrics() throws IOException {
        for (String ext : List.of("jsonl", "csv", "tsv")) {
            Path out = tmp.resolve("ids." + ext);
            Run r = semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--id-base", "1",
                    "--out", out.toString(), "--quiet");
            assertEquals(0, r.code(), r.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals(ext.equals("jsonl") ? 3000 : 3001, lines.size());
            Path metrics = tmp.resolve("ids.metrics.json");
            assertTrue(Files.readString(metrics).contains("\"beforeDedup\""));
        }
        String first = Files.readAllLines(tmp.resolve("ids.jsonl")).get(0);
        assertTrue(first.matches("\\{\"id\":\"1\",\"codes\":\\[\\d+,\\d+,\\d+,\\d+],\"sid\":\"\\d+-\\d+-\\d+-\\d+\"}"), first);
        Set<String> sids = new HashSet<>();
        for (String line : Files.readAllLines(tmp.resolve("ids.csv")).subList(1, 3001)) sids.add(line.split(",")[1]);
        assertEquals(3000, sids.size(), "unique after dedup");
    }

    @Test void withoutQuietTheMetricsFollowTheResultLine() {
        Path out = tmp.resolve("verbose.jsonl");
        Run loud = semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--id-base", "1", "--out", out.toString());
        assertEquals(0, loud.code(), loud.err());
        assertTrue(loud.out().contains("distinct IDs before dedup") && loud.out().contains("recon MSE: "), loud.out());
        assertTrue(loud.out().endsWith("\n"), "every summary ends its line: " + loud.out());
        Run quiet = semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--id-base", "1", "--out", out.toString(), "--quiet");
        assertEquals(List.of(loud.out().lines().findFirst().orElseThrow().replaceAll("\\(\\d+\\.\\d+ s\\)", "")),
                quiet.out().lines().map(l -> l.replaceAll("\\(\\d+\\.\\d+ s\\)", "")).toList(), "the same result line, alone");
        assertEquals("", quiet.err(), "no progress with --quiet");
    }

    @Test void inspectSummarisesTheModel() {
        Run r = semid("inspect", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rqvae") && r.out().contains("fingerprint") && r.out().contains("3 levels × 32 codes"), r.out());
        Run j = semid("inspect", "--json", model.toString());
        assertTrue(j.out().contains("\"formatVersion\""), j.out());
    }

    /** Tokenizing in two fresh JVMs gives byte-identical files, equal to the in-process run. */
    @Test void idsAreByteIdenticalAcrossJvmRestarts() throws Exception {
        Path inProcess = tmp.resolve("inproc.jsonl");
        assertEquals(0, semid("tokenize", "--model", model.toString(), "--input", npy.toString(), "--out",
                inProcess.toString(), "--quiet").code());
        List<byte[]> outputs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            Path out = tmp.resolve("child" + run + ".jsonl");
            Process p = childJvm("tokenize", "--model", model.toString(), "--input", npy.toString(), "--out", out.toString(), "--quiet");
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM finished");
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
            outputs.add(Files.readAllBytes(out));
        }
        assertArrayEquals(outputs.get(0), outputs.get(1));
        assertArrayEquals(Files.readAllBytes(inProcess), outputs.get(0));
    }

    static Process childJvm(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
                SemidCommand.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test void badInputExitsThreeNamesTheFileAndWritesNothing() throws IOException {
        Matrix bad = Matrix.zeros(50, 32);
        bad.set(7, 3, Float.NaN);
        Path nan = tmp.resolve("nan.npy");
        NpyWriter.write(nan, bad);
        Path out = tmp.resolve("never.jsonl");
        Run r = semid("tokenize", "--model", model.toString(), "--input", nan.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains(nan.toString()) && r.err().contains("row 7"), r.err());
        assertFalse(Files.exists(out));

        Path dup = tmp.resolve("dup.jsonl");
        Files.writeString(dup, "{\"id\": \"a\", \"embedding\": [1, 2]}\n{\"id\": \"a\", \"embedding\": [3, 4]}\n");
        r = semid("train", "--input", dup.toString(), "--out", tmp.resolve("m2").toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("line 2") && r.err().contains("duplicate"), r.err());
        assertFalse(Files.exists(tmp.resolve("m2")));

        Path small = tmp.resolve("small.npy");
        NpyWriter.write(small, Matrix.zeros(5, 8));
        r = semid("tokenize", "--model", model.toString(), "--input", small.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("dimension 8") && r.err().contains("expects 32"), r.err());

        Path empty = tmp.resolve("empty.jsonl");
        Files.writeString(empty, "");
        r = semid("train", "--input", empty.toString(), "--out", tmp.resolve("m3").toString(), "--quiet");
        assertEquals(3, r.code());
        assertTrue(r.err().contains("empty"), r.err());
    }

    @Test void corruptedModelExitsFour() throws IOException {
        Path copy = tmp.resolve("corrupt");
        Files.createDirectories(copy);
        for (String f : List.of("model.json", "weights.bin", "checksums.sha256")) Files.copy(model.resolve(f), copy.resolve(f));
        byte[] w = Files.readAllBytes(copy.resolve("weights.bin"));
        Files.write(copy.resolve("weights.bin"), java.util.Arrays.copyOf(w, w.length / 2));
        Run r = semid("tokenize", "--model", copy.toString(), "--input", npy.toString(), "--out", tmp.resolve("x.jsonl").toString());
        assertEquals(4, r.code());
        assertTrue(r.err().contains("weights.bin") && r.err().contains("corrupted or truncated"), r.err());
    }

    @Test void compareWritesAReportWithMethodsReferencesAndChecks() throws IOException {
        Path data = tmp.resolve("beauty-like");
        Files.createDirectories(data.resolve("reference-sids"));
        Files.copy(npy, data.resolve("emb.npy"));
        StringBuilder ref = new StringBuilder("{");
        for (int i = 0; i < 3000; i++)
            ref.append(i == 0 ? "" : ",").append('"').append(i).append("\": [\"<a_").append(i % 7).append(">\", \"<b_").append(i % 11)
                    .append(">\", \"<c_").append(i % 13).append(">\", \"<d_").append(i % 5).append(">\"]");
        Files.writeString(data.resolve("reference-sids/toy.index.json"), ref.append("}"));
        Path report = tmp.resolve("docs/results.md");
        Run r = semid("compare", "--data", data.toString(), "--embeddings", "emb.npy", "--methods", "rqvae,grit",
                "--report", report.toString(), "--epochs", "2", "--codes", "16", "--latent-dim", "8", "--hidden", "32");
        assertEquals(0, r.code(), r.err());
        String md = Files.readString(report);
        assertTrue(md.contains("| rqvae |") && md.contains("| grit |") && md.contains("| toy |"), md);
        assertTrue(md.contains("## Checks") && md.contains("grit: ≥ 99% utilisation"), md);
        assertTrue(Files.readString(tmp.resolve("docs/results.json")).contains("\"references\""));
    }

    @Test void usageErrorsExitTwo() {
        assertEquals(2, semid("train", "--input", npy.toString()).code(), "missing --out");
        Run r = semid("train", "--input", npy.toString(), "--out", tmp.resolve("m4").toString(), "--method", "nope", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown training method 'nope': use rqkmeans, rqvae"), r.err());
        r = semid("train", "--input", npy.toString(), "--out", tmp.resolve("m5").toString(), "--beta", "-1", "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("beta"), r.err());
    }

    @Test void itemsPastAFullTupleSpillAndFailLoudlyOnlyWithoutSpilling() throws IOException {
        // every row identical → one code tuple for all 40 items; a token range of 10 holds 11 of them
        Path same = tmp.resolve("same.npy");
        Matrix m = Matrix.zeros(40, 32);
        for (int i = 0; i < 40; i++) m.set(i, 0, 1f);
        NpyWriter.write(same, m);
        Path out = tmp.resolve("spilled.jsonl");
        Run r = semid("tokenize", "--model", model.toString(), "--input", same.toString(), "--out", out.toString(),
                "--max-dedup", "10", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(40, lines.stream().map(l -> l.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1")).distinct().count(), "40 unique IDs");
        assertEquals(29, Json.MAPPER.readTree(tmp.resolve("spilled.metrics.json").toFile()).get("spilled").asInt());

        Path strict = tmp.resolve("overflow.jsonl");
        r = semid("tokenize", "--model", model.toString(), "--input", same.toString(), "--out", strict.toString(),
                "--max-dedup", "10", "--no-spill", "--quiet");
        assertEquals(5, r.code(), r.err());
        assertTrue(r.err().contains("maxDedup is 10"), r.err());
        assertFalse(Files.exists(strict));
    }
}
