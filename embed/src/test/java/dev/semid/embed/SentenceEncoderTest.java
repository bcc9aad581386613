package dev.semid.embed;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.NpyReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The built-in all-MiniLM-L6-v2 against embeddings of the same texts made in Python with sentence-transformers. */
class SentenceEncoderTest {
    static final Path BEAUTY = Path.of(System.getProperty("semid.shared", "../shared"), "data/beauty");
    static SentenceEncoder encoder;

    @BeforeAll static void open() { encoder = SentenceEncoder.open(SentenceModel.miniLm(), EmbedConfig.defaults()); }

    @AfterAll static void close() { if (encoder != null) encoder.close(); }

    static double cosine(float[] a, int ao, float[] b, int bo, int d) {
        double ab = 0, aa = 0, bb = 0;
        for (int j = 0; j < d; j++) {
            ab += (double) a[ao + j] * b[bo + j];
            aa += (double) a[ao + j] * a[ao + j];
            bb += (double) b[bo + j] * b[bo + j];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test void batchesRunSideBySideGiveTheSameRowsAsOneAtATime() {
        List<String> texts = new ArrayList<>();
        String[] words = {"argan", "oil", "shampoo", "red", "nail", "polish", "matte", "lipstick", "vitamin", "serum", "for", "dry", "hair"};
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0, n = 1 + r.nextInt(12); w < n; w++) sb.append(words[r.nextInt(words.length)]).append(' ');
            texts.add(i % 50 == 7 ? "" : sb.toString());
        }
        float[] one, two;
        try (SentenceEncoder e = SentenceEncoder.open(SentenceModel.miniLm(), EmbedConfig.defaults().withBatchSize(16).withThreads(1))) {
            one = e.encode(texts, null).vectors().data();
        }
        java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
        SentenceEncoder.Result r2;
        try (SentenceEncoder e = SentenceEncoder.open(SentenceModel.miniLm(), EmbedConfig.defaults().withBatchSize(16).withThreads(2))) {
            r2 = e.encode(texts, (done, total) -> {
                assertTrue(done >= last.get() && done <= total, "progress moves forward: " + done);
                last.set(done);
            });
            two = r2.vectors().data();
        }
        assertEquals(300, last.get());
        assertEquals(6, r2.emptyTexts());
        assertArrayEquals(one, two, "row i is text i's embedding, whichever core ran its batch");
    }

    @Test void beautyTextsMatchThePythonEmbeddings() throws Exception {
        Path tsv = BEAUTY.resolve("items.tsv"), npy = BEAUTY.resolve("embeddings-minilm-384.npy");
        Assumptions.assumeTrue(Files.exists(tsv) && Files.exists(npy), "Amazon Beauty data beside the checkout");
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        // every 20th item, and item 10205 whose text is empty (embedded as the placeholder)
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            int item = Integer.parseInt(f[0]);
            if (item % 20 != 1 && item != 10205) continue;
            texts.add(f[2]);
            rows.add(item - 1);
        }
        Matrix ref = NpyReader.read(npy, r -> Integer.toString(r + 1));
        SentenceEncoder.Result r = encoder.encode(texts, null);
        assertEquals(384, encoder.dimension());
        assertEquals(1, r.emptyTexts(), "item 10205's empty text");
        double worst = 1;
        for (int i = 0; i < texts.size(); i++) {
            double c = cosine(r.vectors().data(), i * 384, ref.data(), rows.get(i) * 384, 384);
            worst = Math.min(worst, c);
            assertTrue(c >= 0.99, "item " + (rows.get(i) + 1) + " '" + texts.get(i) + "': cosine " + c);
        }
        System.out.printf("%d Beauty texts, worst cosine to the Python embeddings %.6f%n", texts.size(), worst);
    }
}
