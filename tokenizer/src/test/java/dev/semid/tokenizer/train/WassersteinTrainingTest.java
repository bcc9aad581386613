package dev.semid.tokenizer.train;

import ai.djl.Device;
import dev.semid.tokenizer.EpochReport;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.engine.DjlTokenizer;
import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.model.QuantizerModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Wasserstein matching end to end through the trainer, in the papers' setting: random codebook
 * initialisation and no dead-code reset, where plain RQ-VAE leaves most codes unused.
 */
class WassersteinTrainingTest {
    record Run(QuantizerModel model, List<EpochReport> epochs, List<LevelStats> usage) {}

    static Run train(RqVaeConfig c, EmbeddingSet set) {
        List<EpochReport> epochs = new ArrayList<>();
        QuantizerModel m = new RqVaeTrainer(c, Device.cpu(), new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { epochs.add(r); }
        }).train(set.vectors());
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            return new Run(m, epochs, CodeUsage.perLevel(t.codes(set.vectors()), c.codes()));
        }
    }

    @Test void keepsCodesInUseWherePlainTrainingCollapses() {
        // 1,024 fine clusters and K = 256 on 4,000 items: plain training leaves about a fifth of level 1 unused
        EmbeddingSet set = SyntheticCatalogue.generate(4000, 32, 256, 4, 3);
        RqVaeConfig plain = RqVaeConfig.builder().hidden(64, 32).latentDim(8).levels(2).codes(256).learningRate(3e-3)
                .codebookLearningRate(3e-3).epochs(30).batchSize(256).validationFraction(0.1).patience(0)
                .kmeansInit(false).deadCodeReset(false).seed(5).build();
        Run p = train(plain, set);
        Run w = train(plain.withMethods(WassersteinConfig.defaults(2), null), set);

        double plainL1 = p.usage().get(0).utilisation(), wL1 = w.usage().get(0).utilisation();
        assertTrue(plainL1 < 0.85, "plain RQ-VAE should under-use level 1 here, used " + plainL1);
        assertTrue(wL1 >= 0.88 && wL1 >= plainL1 + 0.08, "wasserstein level 1 " + wL1 + " vs plain " + plainL1);
        for (LevelStats s : w.usage()) assertTrue(s.utilisation() >= 0.88, "wasserstein " + s);
        for (int level = 1; level <= 2; level++) {
            String part = "wasserstein@" + level;
            double first = w.epochs().getFirst().lossParts().get(part), last = w.epochs().getLast().lossParts().get(part);
            assertTrue(last < 0.1 * first, part + " " + first + " -> " + last);
        }
        double plainRecon = p.epochs().getLast().lossParts().get("recon"), wRecon = w.epochs().getLast().lossParts().get("recon");
        assertTrue(wRecon < plainRecon * 1.1, "reconstruction kept: " + wRecon + " vs plain " + plainRecon);
    }
}
