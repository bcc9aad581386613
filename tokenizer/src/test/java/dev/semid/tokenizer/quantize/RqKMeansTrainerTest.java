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

    @Test void rejectsTooFewItems() {
        Matrix x = TestData.blobs(10, 4, 2, 1, 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RqKMeansTrainer(RqKMeansConfig.defaults(), TrainingListener.NONE).train(x));
        assertTrue(e.getMessage().contains("10 items"), e.getMessage());
    }
}
