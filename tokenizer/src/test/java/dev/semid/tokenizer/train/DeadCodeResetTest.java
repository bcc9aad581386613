package dev.semid.tokenizer.train;

import ai.djl.Device;
import dev.semid.tokenizer.EpochReport;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Codes no item chose in an epoch are moved onto current residuals, and items then choose them. */
class DeadCodeResetTest {
    /** Random codebooks (no k-means initialisation) leave many codes unused: the case the reset exists for. */
    static RqVaeConfig config(boolean reset) {
        return RqVaeConfig.builder().hidden(64, 32).latentDim(8).levels(2).codes(32).learningRate(3e-3).codebookLearningRate(3e-3)
                .epochs(4).batchSize(256).validationFraction(0.1).patience(0).kmeansInit(false).deadCodeReset(reset).seed(5).build();
    }

    static List<EpochReport> train(boolean reset) {
        EmbeddingSet set = SyntheticCatalogue.generate(2000, 32, 8, 4, 1);
        List<EpochReport> reports = new ArrayList<>();
        new RqVaeTrainer(config(reset), Device.cpu(), new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { reports.add(r); }
        }).train(set.vectors());
        return reports;
    }

    @Test void unusedCodesAreResetAndThenUsed() {
        List<EpochReport> on = train(true), off = train(false);
        EpochReport first = on.get(0);
        int unusedAfterFirst = 0;
        for (double u : first.utilisation()) unusedAfterFirst += (int) Math.round((1 - u) * 32);
        assertTrue(unusedAfterFirst > 0, "random codebooks leave codes unused in the first epoch");
        assertEquals(unusedAfterFirst, first.codesReset(), "every code unused in the epoch is reset");
        assertTrue(off.stream().allMatch(r -> r.codesReset() == 0), "without the reset nothing is reset");

        // the same seed and data: the runs differ only by the reset, and with it items use more codes
        double[] withReset = on.get(on.size() - 1).utilisation(), without = off.get(off.size() - 1).utilisation();
        for (int l = 0; l < 2; l++)
            assertTrue(withReset[l] > without[l], "level " + (l + 1) + " utilisation with reset " + withReset[l] + ", without " + without[l]);
        assertEquals(first.utilisation()[0], off.get(0).utilisation()[0], 1e-12, "identical until the first reset");
    }
}
