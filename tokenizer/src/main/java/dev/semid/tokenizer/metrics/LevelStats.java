package dev.semid.tokenizer.metrics;

/**
 * Code usage of one quantizer level.
 *
 * @param level        1-based level, as in k_1..k_L
 * @param usedCodes    codes chosen by at least one item
 * @param codebookSize K
 * @param utilisation  usedCodes / K
 * @param perplexity   exp(H), H = −Σ_k p_k ln p_k over the usage shares p_k (1 = one code, K = uniform)
 * @param largestShare share of items in the most used code
 */
public record LevelStats(int level, int usedCodes, int codebookSize, double utilisation,
                         double perplexity, double largestShare) {}
