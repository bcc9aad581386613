package dev.semid.lab.compare;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;

/** Trains one method's model on a set of embeddings, with every other setting the same for all methods. */
@FunctionalInterface
public interface MethodTrainer {
    /** @param method rqkmeans, rqvae, wasserstein, grit or wasserstein+grit */
    QuantizerModel train(String method, Matrix vectors);
}
