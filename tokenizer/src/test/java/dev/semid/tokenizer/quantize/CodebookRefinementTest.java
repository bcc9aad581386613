package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.rq.ResidualQuantizer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CodebookRefinementTest {
    @Test void lowersTheEncodedErrorOfGreedyResidualKMeans() {
        Matrix x = TestData.blobs(3000, 24, 40, 1.5, 11);
        RqKMeansConfig greedy = RqKMeansConfig.builder().levels(3).codes(16).iterations(20).seed(3).build();
        QuantizerModel plain = new RqKMeansTrainer(greedy, TrainingListener.NONE).train(x);
        QuantizerModel refined = new RqKMeansTrainer(RqKMeansConfig.builder().levels(3).codes(16).iterations(20).seed(3)
                .refineRounds(5).build(), TrainingListener.NONE).train(x);
        double before = encodedError(plain, x), after = encodedError(refined, x);
        assertTrue(after < before * 0.99, "greedy " + before + ", refined " + after);
        Map<?, ?> r = (Map<?, ?>) refined.metrics().get("refinement");
        assertEquals(before, ((Number) r.get("errorBefore")).doubleValue(), before * 1e-4, "refinement starts from the greedy codebooks");
        assertEquals(after, ((Number) r.get("errorAfter")).doubleValue(), after * 1e-4, "and reports the error it returns");
        assertTrue(((Number) r.get("rounds")).intValue() >= 1);
    }

    @Test void neverReturnsWorseCodebooksThanItWasGiven() {
        Matrix x = TestData.blobs(500, 8, 4, 3.0, 2);
        QuantizerModel m = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(4).iterations(30).seed(1).build(),
                TrainingListener.NONE).train(x);
        CodebookRefinement.Outcome o = CodebookRefinement.refine(x, m.codebooks(), 4);
        assertTrue(o.errorAfter() <= o.errorBefore());
        assertEquals(o.errorAfter(), encodedError(new QuantizerModel("rqkmeans", 8, null, null, java.util.List.of(), o.codebooks(),
                java.util.List.of(), Map.of(), Map.of()), x), o.errorAfter() * 1e-5);
    }

    private static double encodedError(QuantizerModel m, Matrix x) {
        float[] r = x.data().clone();
        ResidualQuantizer.of(m.codebooks()).encode(r, 0, x.rows(), new int[x.rows()][]);
        double s = 0;
        for (float v : r) s += (double) v * v;
        return s;
    }
}
