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
        return new RqVaeConfig(new int[] {64, 32}, 8, 2, 16, 0.25, 3e-3, 3e-3, 1e-4, epochs, 256, 0.1, 0,
                kmeansInit, reset, false, 5);
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
        RqVaeConfig c = new RqVaeConfig(new int[] {32}, 4, 2, 8, 0.25, 1e-3, 1e-3, 1e-4, 3, 128, 0.1, 0, true, true, false, 9);
        QuantizerModel a = new RqVaeTrainer(c, Device.cpu(), TrainingListener.NONE).train(set.vectors());
        QuantizerModel b = new RqVaeTrainer(c, Device.cpu(), TrainingListener.NONE).train(set.vectors());
        assertArrayEquals(a.codebooks().get(1).data(), b.codebooks().get(1).data());
        assertArrayEquals(a.encoder().get(0).weight().data(), b.encoder().get(0).weight().data());
    }

    @Test void earlyStoppingHonoursPatience() {
        EmbeddingSet set = SyntheticCatalogue.generate(600, 16, 4, 4, 2);
        // a learning rate this small barely moves the loss: improvements below the threshold stop training
        RqVaeConfig c = new RqVaeConfig(new int[] {32}, 4, 2, 8, 0.25, 1e-9, 1e-9, 0, 50, 128, 0.2, 2, false, false, false, 9);
        List<EpochReport> reports = new ArrayList<>();
        new RqVaeTrainer(c, Device.cpu(), new TrainingListener() {
            @Override public void onEpoch(EpochReport r) { reports.add(r); }
        }).train(set.vectors());
        assertTrue(reports.size() < 50, "ran " + reports.size() + " epochs");
    }

    @Test void configValidationNamesTheKnob() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new RqVaeConfig(new int[] {8}, 4, 2, 8, -1, 1e-3, 1e-3, 0, 3, 128, 0.1, 0, true, true, false, 1));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new RqVaeConfig(new int[] {8}, 4, 2, 8, 0.25, 1e-3, 1e-3, 0, 3, 128, 0.7, 0, true, true, false, 1));
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
    }
}
