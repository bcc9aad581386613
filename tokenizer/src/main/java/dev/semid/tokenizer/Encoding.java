package dev.semid.tokenizer;

import dev.semid.tokenizer.data.Matrix;

/**
 * What a tokenizer computes for a batch: codes (N×L), latent z and quantized ẑ (N×d), and the
 * reconstruction x̂ (N×D) or null when not asked for or there is no decoder.
 */
public record Encoding(int[][] codes, Matrix latent, Matrix quantized, Matrix reconstruction) {}
