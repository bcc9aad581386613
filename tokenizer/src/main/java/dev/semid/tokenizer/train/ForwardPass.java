package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

import java.util.List;

/**
 * One training forward pass, what loss parts read: the target x, the latent z, per level the
 * residual r_l (with its path to the encoder), the chosen code c_{l,k_l} (with its path to the
 * codebook), the codebooks, the chosen indices (these four as {@link dev.semid.tokenizer.rq.NdResidualQuantizer}
 * computes them), and the reconstruction x̂.
 */
public record ForwardPass(NDArray target, NDArray latent, List<NDArray> residuals, List<NDArray> chosen,
                          List<NDArray> codebooks, List<NDArray> indices, NDArray reconstruction) {}
