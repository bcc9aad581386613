package dev.semid.tokenizer;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;

/**
 * Fits a residual quantizer to item embeddings: N×D rows in, a model whose codebooks (and, for
 * RQ-VAE, encoder and decoder) turn embeddings into residual codes. One instance per configuration.
 */
public interface Trainer {
    /** The method name the model records: rqkmeans, rqvae, wasserstein, grit or wasserstein+grit. */
    String method();

    QuantizerModel train(Matrix x);
}
