package dev.semid.lab.ablation;

import java.util.List;

/**
 * What every cell of the ablation shares: the training budget and the architecture.
 *
 * @param epochs           maximum epochs of every RQ-VAE-family run
 * @param patience         early-stopping patience, in epochs of no validation improvement
 * @param kmeansIterations Lloyd iterations per level of RQ-KMeans
 */
public record Recipe(int epochs, int patience, int batchSize, List<Integer> hidden, int latentDim, int kmeansIterations) {
    public Recipe {
        hidden = List.copyOf(hidden);
        if (epochs < 1 || patience < 0 || batchSize < 1 || latentDim < 1 || kmeansIterations < 1)
            throw new IllegalArgumentException("recipe needs positive epochs, batch, latent and iterations, and patience >= 0");
    }

    public static Recipe defaults() { return new Recipe(40, 8, 1024, List.of(512, 256, 128), 32, 30); }
}
