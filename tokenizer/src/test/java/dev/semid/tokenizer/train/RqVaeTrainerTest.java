package dev.semid.tokenizer.train;

import ai.djl.Device;
import dev.semid.tokenizer.EpochReport;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.engine.DjlTokenizer;
import dev.semid.tokenizer.model.QuantizerModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RqVaeTrainerTest {
    static RqVaeConfig small(int epochs, boolean kmeansInit, boolean reset) {
        return RqVaeConfig.builder().hidden(64, 32).latentDim(8).levels(2).codes(16).learningRate(3e-3).codebookLearningRate(3e-3)
                .epochs(epochs).batchSize(256).validationFraction(0.1).patience(0).kmeansInit(kmeansInit).deadCodeReset(reset)
                .seed(5).build();
    }

    @Test void lossPartsAreNamedLoggedAndReconstructionImproves() {
        EmbeddingSet set = SyntheticCatalogue.generate(2000, 32, 8, 4, 1);
        List<EpochReport> reports = new ArrayList<>();
        QuantizerModel m = new RqVaeTrainer(small(15, true, true), Device.cpu(), new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { reports.add(r); }
        }).train(set.vectors());
        assertEquals(15, reports.size());
        assertEquals(List.of("recon", "codebook@1", "commit@1", "codebook@2", "commit@2"),
                new ArrayList<>(reports.get(0).lossParts().keySet()));
        double first = reports.get(0).lossParts().get("recon"), last = reports.get(14).lossParts().get("recon");
        assertTrue(last < first * 0.7, "recon " + first + " -> " + last);
        assertFalse(Double.isNaN(reports.get(14).validationLoss()));
        assertEquals(2, m.levels());
        assertEquals(16, m.codebookSize());
        assertEquals(8, m.latentDim());
        assertEquals(3, m.encoder().size());
        assertEquals(32, m.decoder().get(2).out());
        assertTrue(m.metrics().containsKey("history"));
    }

    @Test void kmeansInitAndDeadCodeResetKeepCodesInUse() {
        EmbeddingSet set = SyntheticCatalogue.generate(2000, 32, 8, 4, 1);
        QuantizerModel m = new RqVaeTrainer(small(10, true, true), Device.cpu(), TrainingListener.NONE).train(set.vectors());
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            int[][] codes = t.codes(set.vectors());
            for (int l = 0; l < 2; l++) {
                Set<Integer> used = new HashSet<>();
                for (int[] c : codes) used.add(c[l]);
                assertTrue(used.size() >= 14, "level " + (l + 1) + " uses " + used.size() + "/16");
            }
        }
    }

    @Test void sameSeedSameModel() {
        EmbeddingSet set = SyntheticCatalogue.generate(600, 16, 4, 4, 2);
        RqVaeConfig c = RqVaeConfig.builder().hidden(32).latentDim(4).levels(2).codes(8).epochs(3).batchSize(128)
                .validationFraction(0.1).patience(0).seed(9).build();
        QuantizerModel a = new RqVaeTrainer(c, Device.cpu(), TrainingListener.NONE).train(set.vectors());
        QuantizerModel b = new RqVaeTrainer(c, Device.cpu(), TrainingListener.NONE).train(set.vectors());
        assertArrayEquals(a.codebooks().get(1).data(), b.codebooks().get(1).data());
        assertArrayEquals(a.encoder().get(0).weight().data(), b.encoder().get(0).weight().data());
    }

    @Test void earlyStoppingHonoursPatience() {
        EmbeddingSet set = SyntheticCatalogue.generate(600, 16, 4, 4, 2);
        // a learning rate this small barely moves the loss: improvements below the threshold stop training
        RqVaeConfig c = RqVaeConfig.builder().hidden(32).latentDim(4).levels(2).codes(8).learningRate(1e-9).codebookLearningRate(1e-9)
                .weightDecay(0).epochs(50).batchSize(128).validationFraction(0.2).patience(2).kmeansInit(false).deadCodeReset(false)
                .seed(9).build();
        List<EpochReport> reports = new ArrayList<>();
        new RqVaeTrainer(c, Device.cpu(), new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { reports.add(r); }
        }).train(set.vectors());
        assertTrue(reports.size() < 50, "ran " + reports.size() + " epochs");
    }

    /**
     * sqrt at 0 has a finite value and an infinite slope: this part adds 0 to the loss and NaN to
     * every gradient that reaches the encoder. A guard on the loss value alone lets Adam apply the
     * NaN, the weights are lost, the validation loss is NaN, which never counts as an improvement,
     * and early stopping quietly keeps the first epoch's weights.
     */
    @Test void stepsWithNonFiniteGradientsAreSkippedAndTheWeightsSurvive() {
        EmbeddingSet set = SyntheticCatalogue.generate(600, 16, 4, 4, 2);
        RqVaeConfig c = RqVaeConfig.builder().hidden(32).latentDim(4).levels(2).codes(8).epochs(4).batchSize(128)
                .validationFraction(0.2).patience(2).seed(9).build();
        LossPart nanGradient = new LossPart() {
            @Override public String name() { return "nan-gradient"; }
            @Override public ai.djl.ndarray.NDArray compute(ForwardPass f) { return f.residuals().get(0).mul(0f).sum().sqrt(); }
        };
        List<String> messages = new ArrayList<>();
        QuantizerModel m = new RqVaeTrainer(c, Device.cpu(), new TrainingListener() {
            @Override public void onMessage(String text) { messages.add(text); }
        }, List.of(nanGradient)).train(set.vectors());
        for (float w : m.encoder().get(0).weight().data()) assertTrue(Float.isFinite(w), "encoder weight " + w);
        for (float w : m.codebooks().get(0).data()) assertTrue(Float.isFinite(w), "code " + w);
        int steps = (480 + 127) / 128;
        assertEquals(steps * 3, ((Number) m.metrics().get("skippedSteps")).intValue(), "every step of the 3 epochs run: " + messages);
        assertEquals("patience", m.metrics().get("stopReason"), "nothing moved, so patience ran out: " + messages);
    }

    @Test void aNonFiniteValidationLossStopsTrainingAndSaysSo() {
        EmbeddingSet set = SyntheticCatalogue.generate(600, 16, 4, 4, 2);
        // a learning rate this large overflows the weights within the first epochs
        RqVaeConfig c = RqVaeConfig.builder().hidden(32).latentDim(4).levels(2).codes(8).learningRate(1e30).codebookLearningRate(1e30)
                .epochs(30).batchSize(128).validationFraction(0.2).patience(25).seed(9).build();
        List<String> messages = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override public void onMessage(String text) { messages.add(text); }
        };
        try {
            QuantizerModel m = new RqVaeTrainer(c, Device.cpu(), listener).train(set.vectors());
            assertEquals("diverged", m.metrics().get("stopReason"), messages.toString());
            assertTrue(((Number) m.metrics().get("epochsRun")).intValue() < 25, "stopped at once, not after the patience: " + messages);
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage().contains("diverged in its first epoch"), e.getMessage());
        }
    }
}
