package dev.semid.lab.ablation;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FindingsTest {
    static CellResult cell(String regime, String method, long seed, double util, double error, int distinct) {
        return new CellResult("e.npy", regime, method, "", seed, 1e-3, 1, List.of(util, 1.0, 1.0), List.of(10.0, 10.0, 10.0), distinct, 1000,
                error, List.of(0.3, 0.1, 0.0), 1, 10, 8, "max epochs", 0.1);
    }

    static Ablation.Settings settings() {
        return Ablation.Settings.builder().embeddings(List.of("e.npy")).regimes(List.of(Regime.named("a"), Regime.named("b")))
                .work(Path.of("unused")).device(ai.djl.Device.cpu()).build();
    }

    @Test void heuristicsOffChecksUtilisationAndErrorAgainstPlainRqVae() {
        List<CellResult> cells = new ArrayList<>();
        for (long s = 1; s <= 3; s++) {
            cells.add(cell("b", "rqvae", s, 0.40 + 0.01 * s, 0.80 + 0.001 * s, 700));
            cells.add(cell("b", "wasserstein", s, 0.97, 0.70 + 0.001 * s, 950));
            cells.add(cell("b", "grit", s, s == 2 ? 0.90 : 0.99, 0.80 + 0.002 * s, 700 + (int) s));
        }
        String md = Findings.markdown(settings(), cells);
        assertTrue(md.contains("regime b**: plain RQ-VAE's lowest level utilisation 42.0 ± 1.0% (it falls)"), md);
        assertTrue(md.contains("wasserstein: ≥ 95% on every level in every seed (lowest 97.0%); input-space error **better**"), md);
        assertTrue(md.contains("grit: **below 95%** on some level (lowest 90.0%); input-space error no different"), md);
        assertFalse(md.contains("regime a"), "no regime a cells, no regime a findings: " + md);
    }

    @Test void heuristicsOnComparesWithoutTheUtilisationBar() {
        List<CellResult> cells = List.of(cell("a", "rqvae", 1, 1.0, 0.5, 900), cell("a", "rqvae", 2, 1.0, 0.52, 910),
                cell("a", "grit", 1, 1.0, 0.6, 800), cell("a", "grit", 2, 1.0, 0.62, 790));
        String md = Findings.markdown(settings(), cells);
        assertTrue(md.contains("(no collapse to prevent here)"), md);
        assertTrue(md.contains("grit: input-space error **worse** than RQ-VAE's (0.6100 ± 0.0141 vs 0.5100 ± 0.0141); distinct IDs **worse**"), md);
    }
}
