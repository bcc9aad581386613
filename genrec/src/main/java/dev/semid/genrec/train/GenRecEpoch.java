package dev.semid.genrec.train;

/**
 * One epoch of recommender training: mean training loss (negative log-likelihood per target),
 * validation Recall@10 and NDCG@10 when this epoch was validated (NaN otherwise), timing
 * ({@code seconds}: the training pass; {@code validationSeconds}: decoding the validation users).
 */
public record GenRecEpoch(int epoch, int epochs, double loss, double validationRecall, double validationNdcg, boolean improved,
                          double bestRecall, int bestEpoch, double seconds, double validationSeconds, double etaSeconds, int skippedSteps) {}
