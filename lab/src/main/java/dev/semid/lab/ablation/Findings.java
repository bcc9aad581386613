package dev.semid.lab.ablation;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The papers' claims against the measured cells. With heuristics off (b, c): does plain RQ-VAE's
 * utilisation fall, do Wasserstein and GRIT keep ≥ 95% on every level in every seed, and is
 * their input-space error lower than plain RQ-VAE's? With heuristics on (a): does either beat
 * plain RQ-VAE at all? A difference inside one standard deviation is "no difference".
 */
final class Findings {
    static final double UTILISATION_BAR = 0.95;

    private Findings() {}

    static String markdown(Ablation.Settings s, List<CellResult> cells) {
        StringBuilder sb = new StringBuilder("\n## The claims, checked\n\n");
        for (String emb : s.embeddings())
            for (Regime g : s.regimes()) {
                List<CellResult> rows = cells.stream().filter(c -> c.embeddings().equals(emb) && c.regime().equals(g.name())
                        && AblationReport.variantOf(c).isEmpty()).toList();
                List<CellResult> base = of(rows, "rqvae");
                if (base.isEmpty()) continue;
                sb.append("- **").append(emb).append(", regime ").append(g.name()).append("**: plain RQ-VAE's lowest level utilisation ")
                        .append(AblationReport.spread(base, c -> 100 * c.minUtilisation()).format("%.1f")).append("%")
                        .append(base.stream().allMatch(c -> c.minUtilisation() >= UTILISATION_BAR) ? " (no collapse to prevent here)" : " (it falls)")
                        .append(".\n");
                for (String method : List.of("wasserstein", "grit", "wasserstein+grit")) {
                    List<CellResult> m = of(rows, method);
                    if (m.isEmpty()) continue;
                    sb.append("  - ").append(method).append(": ");
                    if (!g.heuristics()) {
                        double lowest = m.stream().mapToDouble(CellResult::minUtilisation).min().orElse(0);
                        sb.append(lowest >= UTILISATION_BAR ? "≥ 95% on every level in every seed" : "**below 95%** on some level")
                                .append(String.format(Locale.ROOT, " (lowest %.1f%%); ", 100 * lowest));
                    }
                    sb.append("input-space error ").append(compare(m, base, CellResult::inputRelError, "%.4f", true))
                            .append("; distinct IDs ").append(compare(m, base, c -> c.distinct(), "%,.0f", false)).append(".\n");
                }
            }
        return sb.toString();
    }

    private static List<CellResult> of(List<CellResult> rows, String method) {
        return rows.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** "lower than RQ-VAE's (0.0812 ± 0.002 vs 0.0901 ± 0.001)" or "no difference (...)". */
    private static String compare(List<CellResult> a, List<CellResult> b, ToDoubleFunction<CellResult> f, String pattern, boolean lowerIsBetter) {
        Spread x = AblationReport.spread(a, f), y = AblationReport.spread(b, f);
        int c = x.compareBeyondSd(y);
        String verdict = c == 0 ? "no different from RQ-VAE's" : (c < 0) == lowerIsBetter ? "**better** than RQ-VAE's" : "**worse** than RQ-VAE's";
        return verdict + " (" + x.format(pattern) + " vs " + y.format(pattern) + ")";
    }
}
