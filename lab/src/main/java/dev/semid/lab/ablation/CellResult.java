package dev.semid.lab.ablation;

import java.util.List;

/**
 * What one trained model measured, on every item of its embedding file.
 *
 * @param utilisation      per level, used codes / K
 * @param perplexity       per level, exp of the entropy of code usage
 * @param distinct         distinct code tuples before the dedup token
 * @param inputRelError    Σ||x − x̂||² / Σ||x − mean x||², in the input space (comparable across models)
 * @param neighbourShare   per level, the share of each item's 10 nearest neighbours (cosine) that share its prefix
 * @param validationLoss   the trainer's best held-out reconstruction loss (tuning criterion); null for RQ-KMeans
 * @param stopReason       max epochs, patience or diverged; null for RQ-KMeans
 */
public record CellResult(String embeddings, String regime, String method, String radius, long seed, double learningRate, double weight,
                         List<Double> utilisation, List<Double> perplexity, int distinct, int items, Double inputRelError,
                         List<Double> neighbourShare, double seconds, Integer epochsRun, Integer bestEpoch, String stopReason,
                         Double validationLoss) {
    public CellResult {
        utilisation = List.copyOf(utilisation);
        perplexity = List.copyOf(perplexity);
        neighbourShare = List.copyOf(neighbourShare);
    }

    /** The same measurements, filed under another regime of the same shape. */
    public CellResult inRegime(String name) {
        return new CellResult(embeddings, name, method, radius, seed, learningRate, weight, utilisation, perplexity, distinct, items,
                inputRelError, neighbourShare, seconds, epochsRun, bestEpoch, stopReason, validationLoss);
    }

    public double minUtilisation() { return utilisation.stream().mapToDouble(Double::doubleValue).min().orElse(0); }
}
