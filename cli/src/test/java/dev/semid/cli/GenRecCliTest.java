package dev.semid.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static dev.semid.cli.CliTest.semid;
import static org.junit.jupiter.api.Assertions.*;

/** `semid genrec train | predict` end to end on a small synthetic catalogue, and what it refuses. */
class GenRecCliTest {
    @TempDir static Path tmp;
    static Path sequences, sids, model;
    static final String[] TINY = {"--d-model", "32", "--layers", "1", "--heads", "2", "--head-dim", "16", "--ff-dim", "64",
            "--head-hidden", "64", "--dropout", "0", "--lr", "5e-3", "--warmup", "10", "--batch-size", "64", "--epochs", "6",
            "--beam", "10", "--quiet"};

    /** 40 items, 200 users walking a fixed cycle; IDs: 2 levels of 5 codes plus a dedup token. */
    @BeforeAll static void trainTinyModel() throws IOException {
        SplittableRandom rnd = new SplittableRandom(4);
        sequences = tmp.resolve("seq.txt");
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < 200; u++) {
            sb.append("u").append(u);
            int item = rnd.nextInt(40), len = 5 + rnd.nextInt(4);
            for (int t = 0; t < len; t++, item = (item * 7 + 3) % 40) sb.append(' ').append(item + 1);
            sb.append('\n');
        }
        Files.writeString(sequences, sb);
        sids = tmp.resolve("ids.jsonl");
        Files.writeString(sids, ids(40, 11));
        model = tmp.resolve("model");
        List<String> args = new ArrayList<>(List.of("genrec", "train", "--sequences", sequences.toString(), "--sids", sids.toString(),
                "--out", model.toString()));
        args.addAll(List.of(TINY));
        CliTest.Run r = semid(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(model.resolve("genrec.json")) && Files.exists(model.resolve("checksums.sha256")));
    }

    /** A unique ID per item 1..n: 2 codes of 5 values and a dedup token, as `semid tokenize` writes them. */
    static String ids(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        java.util.Map<String, Integer> used = new java.util.HashMap<>();
        for (int i = 1; i <= n; i++) {
            int a = rnd.nextInt(5), b = rnd.nextInt(5);
            int d = used.merge(a + "-" + b, 1, Integer::sum) - 1;
            sb.append(String.format("{\"id\":\"%d\",\"codes\":[%d,%d,%d],\"sid\":\"%d-%d-%d\"}%n", i, a, b, d, a, b, d));
        }
        return sb.toString();
    }

    @Test void predictionsAreIdenticalAfterReloadAndInANewJvmAndEvalReadsThem() throws Exception {
        Path inProcess = tmp.resolve("pred.txt");
        CliTest.Run r = semid("genrec", "predict", "--model", model.toString(), "--sequences", sequences.toString(), "--k", "10",
                "--out", inProcess.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recall@10"), r.out());
        List<String> lines = Files.readAllLines(inProcess);
        assertEquals(200, lines.size());
        assertEquals(11, lines.get(0).split(" ").length, "user and 10 items");

        Path child = tmp.resolve("pred-child.txt");
        Process p = CliTest.childJvm("genrec", "predict", "--model", model.toString(), "--sequences", sequences.toString(), "--k", "10",
                "--out", child.toString(), "--quiet");
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        assertArrayEquals(Files.readAllBytes(inProcess), Files.readAllBytes(child));

        Path json = tmp.resolve("eval.json");
        CliTest.Run e = semid("eval", "recsys", "--sequences", sequences.toString(), "--predictions", "tiny=" + inProcess,
                "--baseline", "popularity", "--k", "5,10", "--out", json.toString(), "--quiet");
        assertEquals(0, e.code(), e.err());
        assertTrue(Files.readString(json).contains("\"tiny\""));
    }

    @Test void inspectSummarisesARecommender() {
        CliTest.Run r = semid("inspect", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("recommender  compact") && r.out().contains("ID set ") && r.out().contains("epochs run   6"), r.out());
    }

    @Test void sasrecTrainsAndPredictsWithoutIds() {
        Path dir = tmp.resolve("sasrec");
        List<String> args = new ArrayList<>(List.of("genrec", "train", "--preset", "sasrec", "--sequences", sequences.toString(), "--out", dir.toString()));
        args.addAll(List.of(TINY));
        assertEquals(0, semid(args.toArray(String[]::new)).code());
        CliTest.Run r = semid("genrec", "predict", "--model", dir.toString(), "--sequences", sequences.toString(), "--k", "5",
                "--out", tmp.resolve("sasrec.txt").toString());
        assertEquals(0, r.code(), r.err());
        Path npy = tmp.resolve("cf.npy");
        r = semid("genrec", "embeddings", "--model", dir.toString(), "--out", npy.toString());
        assertEquals(0, r.code(), r.err());
        var set = dev.semid.tokenizer.io.EmbeddingReader.read(npy, tmp.resolve("cf.ids"), 0);
        assertEquals(40, set.vectors().rows());
        assertEquals(32, set.vectors().cols());
        assertEquals("1", set.ids().get(0));
        assertEquals(2, semid("genrec", "embeddings", "--model", model.toString(), "--out", tmp.resolve("no.npy").toString()).code(),
                "a generative model has no item embeddings");
    }

    @Test void anItemWithoutAnIdIsNamed() throws IOException {
        Path partial = tmp.resolve("partial.jsonl");
        Files.writeString(partial, ids(40, 11).lines().filter(l -> !l.contains("\"id\":\"17\"")).reduce("", (a, b) -> a + b + "\n"));
        Path out = tmp.resolve("never");
        CliTest.Run r = semid("genrec", "train", "--sequences", sequences.toString(), "--sids", partial.toString(), "--out", out.toString(), "--quiet");
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("'17'") && r.err().contains("no semantic ID") && r.err().contains(sequences.toString()), r.err());
        assertFalse(Files.exists(out));
    }

    @Test void emptyOrMalformedSequencesNameTheFileAndLine() throws IOException {
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "");
        CliTest.Run r = semid("genrec", "train", "--sequences", empty.toString(), "--sids", sids.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(empty.toString()) && r.err().contains("empty"), r.err());

        Path bad = tmp.resolve("bad.txt");
        Files.writeString(bad, "u1 1 2 3 4\nu2\nu3 5 6 7 8\n");
        r = semid("genrec", "train", "--sequences", bad.toString(), "--sids", sids.toString(), "--out", tmp.resolve("y").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains(bad.toString()) && r.err().contains("line 2"), r.err());

        r = semid("genrec", "predict", "--model", model.toString(), "--sequences", bad.toString(), "--out", tmp.resolve("z").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("line 2"), r.err());
    }

    @Test void aModelIsRefusedWithAnotherIdSetNamingBothFingerprints() throws IOException {
        Path other = tmp.resolve("other.jsonl");
        Files.writeString(other, ids(40, 12));
        Path out = tmp.resolve("never.txt");
        CliTest.Run r = semid("genrec", "predict", "--model", model.toString(), "--sids", other.toString(), "--sequences", sequences.toString(),
                "--out", out.toString());
        assertEquals(3, r.code(), r.err());
        String mine = (String) dev.semid.genrec.io.GenRecArtifact.manifest(model).get("idSetFingerprint");
        String theirs = dev.semid.genrec.io.IdTableReader.read(other, 0).fingerprint();
        assertNotEquals(mine, theirs);
        assertTrue(r.err().contains(mine) && r.err().contains(theirs), r.err());
        assertFalse(Files.exists(out));
        assertEquals(0, semid("genrec", "predict", "--model", model.toString(), "--sids", sids.toString(), "--sequences", sequences.toString(),
                "--out", out.toString(), "--quiet").code(), "the ID set it was trained on is accepted");
    }

    @Test void aCorruptedModelIsRefused() throws IOException {
        Path copy = tmp.resolve("corrupt");
        Files.createDirectories(copy);
        for (String f : List.of("genrec.json", "items.tsv", "weights.bin", "checksums.sha256"))
            Files.copy(model.resolve(f), copy.resolve(f));
        byte[] w = Files.readAllBytes(copy.resolve("weights.bin"));
        w[w.length / 2] ^= 1;
        Files.write(copy.resolve("weights.bin"), w);
        CliTest.Run r = semid("genrec", "predict", "--model", copy.toString(), "--sequences", sequences.toString(), "--out", tmp.resolve("c.txt").toString());
        assertEquals(4, r.code(), r.err());
        assertTrue(r.err().contains("weights.bin") && r.err().contains("corrupted"), r.err());
    }
}
