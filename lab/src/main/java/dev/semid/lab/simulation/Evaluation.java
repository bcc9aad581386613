package dev.semid.lab.simulation;

/**
 * Scores of a codebook on fresh samples z_1..z_M, with k_i = argmin_k ||z_i − c_k||²:
 * quantizationError = (1/M) Σ_i ||z_i − c_{k_i}||² (summed over dimensions);
 * utilisation = |{k : some k_i = k}| / K; perplexity = exp(−Σ_k p_k ln p_k), p_k = share of samples on k;
 * w2 = W2 between the Gaussians fitted (covariances over M and over K) to samples and codebook.
 */
public record Evaluation(int step, double quantizationError, double utilisation, double perplexity, double w2) {}
