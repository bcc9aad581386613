package dev.semid.tokenizer.engine;

import ai.djl.Device;
import dev.semid.tokenizer.Encoding;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.RqVaeTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class CodebookTokenizerTest {

    @Test
    void givesPyTorchsCodesAndLatentsOnBeauty() {
        Matrix x = TestData.beautyMiniLm().vectors();
        RqKMeansConfig config = RqKMeansConfig.builder().levels(3).codes(256).iterations(3).standardize(true).seed(7).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x.slice(0, 3000));
        Encoding java, djl;
        try (Tokenizer j = new CodebookTokenizer(m); Tokenizer d = new DjlTokenizer(m, Device.cpu())) {
            java = j.encode(x, false);
            djl = d.encode(x, false);
            Matrix scratch = new Matrix(x.rows(), x.cols(), x.data().clone());
            assertArrayEquals(java.codes(), j.codesOverwriting(scratch), "standardised and searched in the batch's own memory");
            assertNotEquals(x.get(0, 0), scratch.get(0, 0), "the batch was used as scratch");
        }
        int differ = 0;
        for (int i = 0; i < x.rows(); i++) {
            if (Arrays.equals(java.codes()[i], djl.codes()[i])) continue;
            differ++;
            assertNearTie(m, java.latent().row(i), java.codes()[i], djl.codes()[i], "item " + i);
        }
        assertTrue(differ <= x.rows() / 1000, differ + " of " + x.rows() + " items got other codes");
        assertClose(djl.latent(), java.latent(), 1e-5f, "z");
        for (int i = 0; i < x.rows(); i++)
            if (Arrays.equals(java.codes()[i], djl.codes()[i])) assertClose(djl.quantized().slice(i, i + 1), java.quantized().slice(i, i + 1), 1e-5f, "ẑ of item " + i);
    }

    @Test
    void reconstructsInTheInputsUnits() {
        Matrix x = TestData.blobs(300, 6, 4, 2.0, 5);
        for (int i = 0; i < x.data().length; i++) x.data()[i] = x.data()[i] * 3 + 10; // far from unit scale
        QuantizerModel m = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(8).iterations(5).standardize(true).seed(1).build(),
                TrainingListener.NONE).train(x);
        try (Tokenizer t = new CodebookTokenizer(m)) {
            assertNull(t.encode(x, false).reconstruction(), "not asked for");
            Encoding e = t.encode(x, true);
            float[] mean = m.inputMean(), scale = m.inputScale();
            for (int i = 0; i < x.rows(); i++)
                for (int j = 0; j < x.cols(); j++)
                    assertEquals(e.quantized().get(i, j) * scale[j] + mean[j], e.reconstruction().get(i, j), 1e-4f, "x̂[" + i + "][" + j + "]");
        }
    }

    @Test
    void findsTheExactNearestCodewordsForAnyCodebookShape() {
        // K = 10 and d = 7: neither is a multiple of the SIMD width, so padding and the single-row path are exercised
        Matrix x = TestData.blobs(403, 7, 5, 2.0, 3);
        RqKMeansConfig config = RqKMeansConfig.builder().levels(4).codes(10).iterations(5).standardize(true).seed(3).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x);
        int[][] codes;
        try (Tokenizer t = new CodebookTokenizer(m)) {
            codes = t.codes(x);
        }
        for (int i = 0; i < x.rows(); i++) {
            double[] r = standardized(m, x.row(i));
            for (int l = 0; l < m.levels(); l++) {
                Matrix c = m.codebooks().get(l);
                int best = 0;
                for (int k = 1; k < c.rows(); k++) if (dist(r, c, k) < dist(r, c, best)) best = k;
                int got = codes[i][l];
                assertTrue(got == best || Math.abs(dist(r, c, got) - dist(r, c, best)) <= 1e-5 * dist(r, c, best),
                        "row " + i + " level " + l + ": code " + got + " at " + dist(r, c, got) + ", nearest " + best + " at " + dist(r, c, best));
                for (int j = 0; j < r.length; j++) r[j] -= c.get(got, j);
            }
        }
    }

    @Test
    void aRowsCodesDoNotDependOnItsBatch() {
        Matrix x = TestData.blobs(CodebookTokenizer.PARALLEL_ROWS + 301, 48, 20, 1.0, 11);
        RqKMeansConfig config = RqKMeansConfig.builder().levels(3).codes(64).iterations(4).seed(5).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x);
        try (Tokenizer t = new CodebookTokenizer(m)) {
            int[][] all = t.codes(x); // split over the common pool
            int[][] some = t.codes(x.slice(0, 7)); // four-row blocks plus single rows
            for (int i = 0; i < x.rows(); i += 97)
                assertArrayEquals(all[i], t.codes(x.slice(i, i + 1))[0], "row " + i + " alone");
            for (int i = 0; i < 7; i++) assertArrayEquals(all[i], some[i], "row " + i + " in a batch of 7");
        }
    }

    @Test
    void theFactoryPicksJavaForCodebookModelsOnTheCpuOnly() {
        Matrix x = TestData.blobs(200, 16, 4, 1.0, 2);
        RqKMeansConfig kmConfig = RqKMeansConfig.builder().levels(2).codes(8).iterations(3).seed(1).build();
        QuantizerModel km = new RqKMeansTrainer(kmConfig, TrainingListener.NONE).train(x);
        RqVaeConfig vaeConfig = RqVaeConfig.builder().hidden(8).latentDim(4).levels(2).codes(8).epochs(1).batchSize(64)
                .validationFraction(0.1).patience(0).seed(9).build();
        QuantizerModel vae = new RqVaeTrainer(vaeConfig, Device.cpu(), TrainingListener.NONE).train(x);
        try (Tokenizer a = Tokenizers.open(km, Device.cpu()); Tokenizer b = Tokenizers.open(vae, Device.cpu())) {
            assertInstanceOf(CodebookTokenizer.class, a, "surefire runs with --add-modules jdk.incubator.vector");
            assertInstanceOf(DjlTokenizer.class, b);
        }
        assertFalse(Tokenizers.javaEngine(km, Device.gpu()));
        try (Tokenizer a = Tokenizers.open(km, Device.cpu())) {
            assertEquals(40, Tokenizers.warmUp(a, 40, 60_000));
            assertEquals(0, Tokenizers.warmUp(a, 40, 0), "no time, no calls");
        }
        assertThrows(IllegalArgumentException.class, () -> new CodebookTokenizer(vae));
    }

    private static void assertNearTie(QuantizerModel m, float[] z, int[] a, int[] b, String what) {
        double[] r = new double[z.length];
        for (int j = 0; j < r.length; j++) r[j] = z[j];
        for (int l = 0; l < m.levels(); l++) {
            Matrix c = m.codebooks().get(l);
            if (a[l] != b[l]) {
                double da = dist(r, c, a[l]), db = dist(r, c, b[l]);
                assertTrue(Math.abs(da - db) <= 1e-4 * Math.max(da, db), what + " level " + l + ": " + a[l] + " at " + da + " vs " + b[l] + " at " + db);
                return;
            }
            for (int j = 0; j < r.length; j++) r[j] -= c.get(a[l], j);
        }
    }

    private static double[] standardized(QuantizerModel m, float[] x) {
        double[] r = new double[x.length];
        for (int j = 0; j < r.length; j++) r[j] = m.inputMean() == null ? x[j] : (x[j] - m.inputMean()[j]) / m.inputScale()[j];
        return r;
    }

    private static double dist(double[] r, Matrix c, int k) {
        double s = 0;
        for (int j = 0; j < r.length; j++) s += (r[j] - c.get(k, j)) * (r[j] - c.get(k, j));
        return s;
    }

    private static void assertClose(Matrix want, Matrix got, float tol, String what) {
        assertEquals(want.rows(), got.rows(), what);
        for (int i = 0; i < want.data().length; i++)
            assertEquals(want.data()[i], got.data()[i], tol * Math.max(1f, Math.abs(want.data()[i])), what + " value " + i);
    }
}
