package dev.semid.tokenizer.align;

import ai.djl.Device;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.engine.CodebookTokenizer;
import dev.semid.tokenizer.metrics.QuantizationStats;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ModelAlignmentTest {
    private static final Matrix X = TestData.blobs(4000, 8, 24, 0.3, 11);

    private static QuantizerModel train(long seed) {
        return new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(16).iterations(20).seed(seed).build(), TrainingListener.NONE).train(X);
    }

    private static int[][] codes(QuantizerModel m) {
        try (CodebookTokenizer t = new CodebookTokenizer(m)) {
            return t.codes(X);
        }
    }

    @Test void aRelabelledModelIsAlignedBackToTheOldNumbers() {
        QuantizerModel old = train(1);
        SplittableRandom rnd = new SplittableRandom(4);
        QuantizerModel shuffled = RenumberedModel.of(old, new int[][] {Permutation.of(16, rnd), Permutation.of(16, rnd)});
        ModelAlignment.Result r = ModelAlignment.align(old, shuffled, X, Device.cpu());
        assertArrayEquals(codes(old), codes(r.model()), "every item gets its old codes back");
        for (int l = 0; l < 2; l++) assertArrayEquals(old.codebooks().get(l).data(), r.model().codebooks().get(l).data());
        assertArrayEquals(new double[] {1, 1}, r.keptAfter());
        assertTrue(r.keptBefore()[0] < 0.5, "the shuffle moved codes: " + r.keptBefore()[0]);
        assertEquals(List.of(ModelFingerprint.of(old)), ModelLineage.of(r.model()).ancestors());
    }

    @Test void aRetrainWithAnotherSeedKeepsMostCodesAndItsErrorOnceAligned() {
        QuantizerModel old = train(1), retrained = train(2);
        ModelAlignment.Result r = ModelAlignment.align(old, retrained, X, Device.cpu());
        int[][] before = codes(old), unaligned = codes(retrained), aligned = codes(r.model());
        assertEquals(share(before, aligned), r.keptAfter()[0], 1e-12);
        assertEquals(share(before, unaligned), r.keptBefore()[0], 1e-12);
        assertTrue(r.keptAfter()[0] >= 0.8 && r.keptAfter()[0] > 3 * r.keptBefore()[0],
                "level-1 codes kept: " + r.keptAfter()[0] + " aligned, " + r.keptBefore()[0] + " not");
        assertEquals(error(retrained), error(r.model()), 1e-12, "renumbering leaves the quantization as it was");
    }

    @Test void lineageChainsAndRefusesOtherLayouts() {
        QuantizerModel a = train(1);
        QuantizerModel b = ModelAlignment.align(a, train(2), X, Device.cpu()).model();
        QuantizerModel c = ModelAlignment.align(b, train(3), X, Device.cpu()).model();
        ModelLineage lineage = ModelLineage.of(c);
        assertEquals(List.of(ModelFingerprint.of(b), ModelFingerprint.of(a)), lineage.ancestors());
        assertTrue(lineage.reaches(ModelFingerprint.of(c), ModelFingerprint.of(a)));
        assertFalse(ModelLineage.of(a).reaches(ModelFingerprint.of(a), ModelFingerprint.of(c)));
        QuantizerModel wider = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(32).iterations(5).build(), TrainingListener.NONE).train(X);
        var e = assertThrows(IllegalArgumentException.class, () -> ModelAlignment.align(a, wider, X, Device.cpu()));
        assertTrue(e.getMessage().contains("one layout"), e.getMessage());
    }

    private static double share(int[][] a, int[][] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) if (a[i][0] == b[i][0]) same++;
        return same / (double) a.length;
    }

    private static double error(QuantizerModel m) {
        try (CodebookTokenizer t = new CodebookTokenizer(m)) {
            return QuantizationStats.relativeError(X, t.encode(X, true).reconstruction());
        }
    }
}
