package dev.semid.lab.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The ablation as Markdown: how it was made, the tuning grid and choices, a table per embedding
 * file and regime (mean ± standard deviation over seeds), GRIT's radius variants, and the
 * papers' claims checked against the numbers.
 */
final class AblationReport {
    private AblationReport() {}

    static String markdown(Ablation.Settings s, List<Ablation.Tuning> tuning, List<CellResult> cells) {
        StringBuilder sb = new StringBuilder("# Wasserstein and GRIT where they are meant to help: an ablation on Amazon Beauty\n\n");
        Recipe r = s.recipe();
        sb.append(String.format(Locale.ROOT, "Made by `./semid compare ablation` on a %d-core CPU: seeds %s; every RQ-VAE-family run "
                        + "has at most %d epochs, early-stopping patience %d, batch %d, encoder %s → %d; RQ-KMeans runs %d Lloyd iterations per level. "
                        + "Numbers are mean ± sample standard deviation over the seeds, measured on all %s items of each file.%n%n",
                Runtime.getRuntime().availableProcessors(), s.seeds(), r.epochs(), r.patience(), r.batchSize(), r.hidden(), r.latentDim(),
                r.kmeansIterations(), cells.isEmpty() ? "the" : String.format(Locale.ROOT, "%,d", cells.getFirst().items())));
        sb.append("- **Input-space error** = Σ||x − x̂||² / Σ||x − mean x||² with x̂ the decoder's output (RQ-KMeans: the sum of its codes): "
                + "the one reconstruction error comparable across models, whose latent spaces differ.\n");
        sb.append("- **Distinct** = distinct code tuples before the dedup token. **Neighbours sharing L1 / L1–2** = the share of each item's "
                + "10 nearest neighbours (cosine, input space) that share its first code / first two codes.\n");
        sb.append("- **Epochs** = epochs run (the best epoch, whose weights are kept).\n");
        sb.append(String.format(Locale.ROOT, "- **Tuning**, the same budget for every method: learning rate %s (encoder, decoder and codebooks) × "
                        + "the method's own weight at its default and %s× the default (RQ-VAE β 0.25, Wasserstein γ 0.5, GRIT λ 1, "
                        + "Wasserstein+GRIT γ 0.5), searched in regime %s with seed %d; the candidate with the lowest held-out "
                        + "reconstruction loss (the trainer's 5%% validation split, never a test split) is used in every regime and seed.%n%n",
                s.learningRates(), trim(s.weightFactor()), s.tuningRegime(), s.seeds().getFirst()));
        sb.append("| regime | shape | what it tests |\n| --- | --- | --- |\n");
        for (Regime g : s.regimes()) sb.append("| ").append(g.name()).append(" | ").append(g.shape()).append(" | ").append(g.why()).append(" |\n");
        sb.append("\nAt K = 1,024 and 4,096 two levels are used: K² already exceeds the 12,101 items 87 and 1,386 times, a third level "
                + "would only add empty combinations, and two levels keep one residual step.\n");

        for (String emb : s.embeddings()) {
            List<CellResult> mine = cells.stream().filter(c -> c.embeddings().equals(emb)).toList();
            if (mine.isEmpty()) continue;
            sb.append("\n## ").append(emb).append("\n\n");
            List<Ablation.Tuning> t = tuning.stream().filter(x -> x.embeddings().equals(emb)).toList();
            if (!t.isEmpty()) {
                sb.append("### Tuning (regime ").append(s.tuningRegime()).append(", seed ").append(s.seeds().getFirst()).append(")\n\n");
                sb.append("| method | learning rate | weight | held-out recon loss | chosen |\n| --- | --- | --- | --- | --- |\n");
                for (Ablation.Tuning x : t)
                    sb.append(String.format(Locale.ROOT, "| %s | %s | %s = %s | %s | %s |%n", x.candidate().method(), trim(x.candidate().learningRate()),
                            x.candidate().weightName(), trim(x.candidate().weight()),
                            x.validationLoss() == null ? "–" : String.format(Locale.ROOT, "%.5f", x.validationLoss()), x.chosen() ? "**yes**" : ""));
            }
            for (Regime g : s.regimes()) {
                List<CellResult> rows = mine.stream().filter(c -> c.regime().equals(g.name()) && variantOf(c).isEmpty()).toList();
                if (rows.isEmpty()) continue;
                sb.append("\n### Regime ").append(g.name()).append(" (").append(g.shape()).append(", ")
                        .append(g.heuristics() ? "heuristics on" : "heuristics off").append(")\n\n");
                table(sb, rows, g.levels(), CellResult::method);
            }
            List<CellResult> radii = mine.stream().filter(c -> !variantOf(c).isEmpty()
                    || (c.method().equals("grit") && c.regime().equals(s.tuningRegime()))).toList();
            if (radii.stream().anyMatch(c -> !variantOf(c).isEmpty())) {
                sb.append("\n### GRIT's radius functions (regime ").append(s.tuningRegime()).append(")\n\n");
                table(sb, radii, Regime.named(s.tuningRegime()).levels(), c -> "grit · " + (c.radius().isEmpty() ? "saturating" : c.radius()));
            }
        }
        sb.append(Findings.markdown(s, cells));
        return sb.toString();
    }

    /** A GRIT radius variant other than the default, or "". */
    static String variantOf(CellResult c) { return c.radius().isEmpty() || c.radius().equals("saturating") ? "" : c.radius(); }

    private static void table(StringBuilder sb, List<CellResult> rows, int levels, Function<CellResult, String> name) {
        String lv = IntStream.rangeClosed(1, levels).mapToObj(l -> "L" + l).collect(Collectors.joining(" / "));
        sb.append("| method | seeds | utilisation ").append(lv).append(" | perplexity ").append(lv)
                .append(" | distinct | input-space error | neighbours sharing L1 / L1–2 | epochs | train s |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (String key : rows.stream().map(name).distinct().toList()) {
            List<CellResult> g = rows.stream().filter(c -> name.apply(c).equals(key)).toList();
            sb.append("| ").append(key).append(" | ").append(g.size()).append(" | ")
                    .append(perLevel(g, levels, c -> c.utilisation(), 100, "%.1f")).append(" | ")
                    .append(perLevel(g, levels, c -> c.perplexity(), 1, "%.0f")).append(" | ")
                    .append(spread(g, c -> c.distinct()).format("%,.0f")).append(" | ")
                    .append(g.stream().anyMatch(c -> c.inputRelError() == null) ? "–" : spread(g, c -> c.inputRelError()).format("%.4f")).append(" | ")
                    .append(perLevel(g, Math.min(2, levels), c -> c.neighbourShare(), 100, "%.1f")).append(" | ")
                    .append(epochs(g)).append(" | ")
                    .append(spread(g, CellResult::seconds).format("%.0f")).append(" |\n");
        }
    }

    static Spread spread(List<CellResult> g, ToDoubleFunction<CellResult> f) {
        return Spread.of(g.stream().map(c -> f.applyAsDouble(c)).toList());
    }

    private static String perLevel(List<CellResult> g, int levels, Function<CellResult, List<Double>> f, double scale, String pattern) {
        List<String> parts = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            int level = l;
            parts.add(Spread.of(g.stream().map(c -> scale * f.apply(c).get(level)).toList()).format(pattern));
        }
        return String.join(" / ", parts);
    }

    private static String epochs(List<CellResult> g) {
        if (g.getFirst().epochsRun() == null) return "–";
        return g.stream().map(c -> c.epochsRun() + " (" + c.bestEpoch() + ")").collect(Collectors.joining(", "));
    }

    static String trim(double v) {
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+(e|$)", "$1");
    }
}
