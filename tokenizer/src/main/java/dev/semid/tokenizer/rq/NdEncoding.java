package dev.semid.tokenizer.rq;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * A batch through all levels: per level the codebook searched, the residual r_l it was searched
 * with, the chosen codes c_{l,k_l} and their indices; and ẑ = Σ_l c_{l,k_l}.
 */
public record NdEncoding(List<NDArray> codebooks, List<NDArray> residuals, List<NDArray> chosen,
                         List<NDArray> indices, NDArray quantized) {}
