package dev.semid.lab.ablation;

import ai.djl.Device;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.io.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A small ablation end to end: real training, tuning, the cache, and the report. */
class AblationTest {
    @Test void tunesTrainsCachesAndReports(@TempDir Path dir) throws Exception {
        NpyWriter.write(dir.resolve("tiny.npy"), SyntheticCatalogue.generate(700, 16, 8, 4, 1).vectors());
        Ablation.Settings s = Ablation.Settings.builder().data(dir).embeddings(List.of("tiny.npy"))
                .regimes(List.of(Regime.named("a"), Regime.named("b"))).methods(List.of("rqkmeans", "rqvae", "grit"))
                .seeds(List.of(1L, 2L)).learningRates(List.of(1e-3)).radii(List.of("constant"))
                .recipe(new Recipe(2, 2, 256, List.of(32), 8, 3)).work(dir.resolve("work")).device(Device.cpu()).build();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Ablation.Result first = new Ablation(s).run(new PrintStream(log, true));

        assertEquals(4, first.tuning().size(), "rqvae and grit, one learning rate × two weights each");
        assertEquals(2, first.tuning().stream().filter(Ablation.Tuning::chosen).count());
        // 2 regimes × 3 methods × 2 seeds, and the constant radius × 2 seeds
        assertEquals(14, first.cells().size());
        for (CellResult c : first.cells()) {
            assertNotNull(c.inputRelError(), c.toString());
            assertEquals(3, c.utilisation().size(), "3 × 256 in both regimes");
            if (!c.method().equals("rqkmeans")) assertNotNull(c.validationLoss(), c.toString());
        }
        String text = log.toString();
        assertTrue(text.contains("b · rqkmeans · seed 1: cached"), "RQ-KMeans is trained once per shape: " + text);

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        Ablation.Result second = new Ablation(s).run(new PrintStream(again, true));
        assertFalse(again.toString().contains("training"), "everything cached: " + again);
        assertEquals(first.cells(), second.cells());
        assertTrue(second.markdown().contains("### Regime b (3 × 256, heuristics off)"), second.markdown());
        assertTrue(second.markdown().contains("| grit · constant | 2 |"), second.markdown());
        assertTrue(second.markdown().contains("## The claims, checked"), second.markdown());
        assertTrue(Files.exists(dir.resolve("work/tiny/b/rqvae-lr0.001-w0.25-s1.sids.jsonl")), "IDs beside the cell");
    }
}
