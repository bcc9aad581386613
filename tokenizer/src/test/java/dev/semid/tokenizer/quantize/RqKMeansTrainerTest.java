package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.DjlTokenizer;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.TrainingListener;
import ai.djl.Device;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RqKMeansTrainerTest {
    /** The DJL tokenizer must pick exactly the codes a plain greedy residual search picks. */
    @Test void djlTokenizerMatchesGreedyResidualSearch() {
        Matrix x = TestData.blobs(3000, 12, 30, 1.5, 11);
        RqKMeansConfig config = RqKMeansConfig.builder().levels(3).codes(16).iterations(10).standardize(true).seed(1).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x);
        int[][] codes;
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            codes = t.codes(x);
        }
        int mismatches = 0;
        for (int i = 0; i < x.rows(); i++) {
            float[] r = x.row(i);
            for (int j = 0; j < r.length; j++) r[j] = (r[j] - m.inputMean()[j]) / m.inputScale()[j];
            for (int l = 0; l < 3; l++) {
                float[] c = m.codebooks().get(l).data();
                int k = Distances.nearest(r, 0, c, 16, 12);
                if (k != codes[i][l]) { mismatches++; break; }
                for (int j = 0; j < r.length; j++) r[j] -= c[k * 12 + j];
            }
        }
        // float rounding may flip an exact near-tie, nothing more
        assertTrue(mismatches <= 3, mismatches + " items differ from the greedy search");
    }

    /** Fixed chunks reduced in order: the thread count cannot change a codebook. */
    @Test void sameCodebooksWhateverTheThreadCount() throws Exception {
        Matrix x = TestData.blobs(5000, 16, 40, 1.5, 4); // five chunks of parallel work
        for (RqKMeansConfig config : java.util.List.of(
                RqKMeansConfig.builder().levels(2).codes(32).iterations(8).seed(2).refineRounds(2).build(),
                RqKMeansConfig.builder().levels(2).codes(32).iterations(2).seed(2).miniBatch(1500).build())) {
            java.util.List<Matrix> one = trainIn(new java.util.concurrent.ForkJoinPool(1), config, x);
            java.util.List<Matrix> four = trainIn(new java.util.concurrent.ForkJoinPool(4), config, x);
            for (int l = 0; l < 2; l++) assertArrayEquals(one.get(l).data(), four.get(l).data(), config + ", level " + (l + 1));
        }
    }

    private static java.util.List<Matrix> trainIn(java.util.concurrent.ForkJoinPool pool, RqKMeansConfig config, Matrix x) throws Exception {
        try {
            return pool.submit(() -> new RqKMeansTrainer(config, TrainingListener.NONE).train(x).codebooks()).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test void trainsOnAUniformSampleOfALargeCatalogue() {
        Matrix x = TestData.blobs(4000, 8, 20, 1.0, 9);
        java.util.List<String> messages = new java.util.ArrayList<>();
        QuantizerModel m = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(16).iterations(5).sample(1000).seed(3).build(),
                new TrainingListener() {
                    @Override public void onMessage(String text) { messages.add(text); }
                }).train(x);
        assertEquals(1000, ((Number) m.settings().get("trainedOn")).intValue());
        assertTrue(messages.getFirst().contains("uniform sample of 1,000 of 4,000 items"), messages.toString());
        assertEquals(8, m.inputDim());
        QuantizerModel full = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(16).iterations(5).seed(3).build(),
                TrainingListener.NONE).train(x);
        assertEquals(4000, ((Number) full.settings().get("trainedOn")).intValue());
        assertFalse(java.util.Arrays.equals(full.codebooks().get(0).data(), m.codebooks().get(0).data()), "the sample is not the catalogue");
    }

    @Test void rejectsTooFewItems() {
        Matrix x = TestData.blobs(10, 4, 2, 1, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RqKMeansTrainer(RqKMeansConfig.defaults(), TrainingListener.NONE).train(x));
        assertTrue(e.getMessage().contains("10 items"), e.getMessage());
    }
}
