package dev.semid.tokenizer.train;

import java.util.Arrays;

/**
 * RQ-VAE training knobs (TIGER recipe defaults; AdamW instead of the published Adagrad 0.4,
 * which collapses in reproductions).
 *
 * @param hidden            encoder hidden widths (decoder mirrors them): D → 512 → 256 → 128 → latent
 * @param latentDim         d, the latent and codebook dimension
 * @param levels            L residual levels
 * @param codes             K codes per level
 * @param beta              commitment weight β in β·||r − sg(c)||²
 * @param learningRate      AdamW learning rate of encoder and decoder
 * @param codebookLearningRate AdamW learning rate of the codebooks
 * @param weightDecay       decoupled weight decay of encoder/decoder weights (never on codebooks)
 * @param epochs            maximum epochs
 * @param batchSize         mini-batch size
 * @param validationFraction share of items held out for validation loss and early stopping
 * @param patience          stop after this many epochs without validation improvement (0 = never)
 * @param kmeansInit        initialise every level's codebook by residual k-means on encoded items
 * @param deadCodeReset     reset codes unused during an epoch to random current residuals
 * @param standardize       standardise inputs per dimension before the encoder
 * @param seed              seeds initialisation, split, shuffling and k-means
 * @param wasserstein       Wasserstein distributional matching, or null for none
 * @param grit              GRIT-VQ radius surrogate / codebook transform, or null for none
 */
public record RqVaeConfig(int[] hidden, int latentDim, int levels, int codes, double beta,
                          double learningRate, double codebookLearningRate, double weightDecay,
                          int epochs, int batchSize, double validationFraction, int patience,
                          boolean kmeansInit, boolean deadCodeReset, boolean standardize, long seed,
                          WassersteinConfig wasserstein, GritConfig grit) {
    /** Plain RQ-VAE. */
    public RqVaeConfig(int[] hidden, int latentDim, int levels, int codes, double beta,
                       double learningRate, double codebookLearningRate, double weightDecay,
                       int epochs, int batchSize, double validationFraction, int patience,
                       boolean kmeansInit, boolean deadCodeReset, boolean standardize, long seed) {
        this(hidden, latentDim, levels, codes, beta, learningRate, codebookLearningRate, weightDecay, epochs, batchSize,
                validationFraction, patience, kmeansInit, deadCodeReset, standardize, seed, null, null);
    }

    public RqVaeConfig {
        hidden = hidden.clone();
        for (int h : hidden) positive("hidden width", h);
        positive("latent dimension", latentDim);
        positive("levels", levels);
        if (codes < 2) throw new IllegalArgumentException("codes per level must be >= 2, got " + codes);
        if (!(beta >= 0)) throw new IllegalArgumentException("beta must be >= 0, got " + beta);
        if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (!(codebookLearningRate > 0)) throw new IllegalArgumentException("codebook learning rate must be > 0, got " + codebookLearningRate);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        positive("epochs", epochs);
        positive("batch size", batchSize);
        if (!(validationFraction >= 0 && validationFraction < 0.5))
            throw new IllegalArgumentException("validation fraction must be in [0, 0.5), got " + validationFraction);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (wasserstein != null) for (int l : wasserstein.levels())
            if (l > levels) throw new IllegalArgumentException("wasserstein level " + l + " > levels " + levels);
        if (grit != null) for (int l : grit.levels())
            if (l > levels) throw new IllegalArgumentException("grit level " + l + " > levels " + levels);
    }

    /** rqvae, wasserstein, grit or wasserstein+grit. */
    public String method() {
        if (wasserstein != null && grit != null) return "wasserstein+grit";
        if (wasserstein != null) return "wasserstein";
        if (grit != null) return "grit";
        return "rqvae";
    }

    public RqVaeConfig withMethods(WassersteinConfig w, GritConfig g) {
        return new RqVaeConfig(hidden, latentDim, levels, codes, beta, learningRate, codebookLearningRate, weightDecay,
                epochs, batchSize, validationFraction, patience, kmeansInit, deadCodeReset, standardize, seed, w, g);
    }

    private static void positive(String what, int v) {
        if (v < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }

    public static RqVaeConfig defaults() {
        return new RqVaeConfig(new int[] {512, 256, 128}, 32, 3, 256, 0.25, 1e-3, 1e-3, 1e-4,
                200, 1024, 0.05, 20, true, true, false, 42);
    }

    public RqVaeConfig withShape(int levels, int codes) {
        return new RqVaeConfig(hidden, latentDim, levels, codes, beta, learningRate, codebookLearningRate, weightDecay,
                epochs, batchSize, validationFraction, patience, kmeansInit, deadCodeReset, standardize, seed, wasserstein, grit);
    }

    public RqVaeConfig withEpochs(int e) {
        return new RqVaeConfig(hidden, latentDim, levels, codes, beta, learningRate, codebookLearningRate, weightDecay,
                e, batchSize, validationFraction, patience, kmeansInit, deadCodeReset, standardize, seed, wasserstein, grit);
    }

    @Override public boolean equals(Object o) {
        return o instanceof RqVaeConfig c && Arrays.equals(c.hidden, hidden) && c.toString().equals(toString());
    }

    @Override public int hashCode() { return toString().hashCode(); }

    @Override public String toString() {
        return "RqVaeConfig[hidden=" + Arrays.toString(hidden) + ", latentDim=" + latentDim + ", levels=" + levels
                + ", codes=" + codes + ", beta=" + beta + ", lr=" + learningRate + ", codebookLr=" + codebookLearningRate
                + ", weightDecay=" + weightDecay + ", epochs=" + epochs + ", batch=" + batchSize
                + ", validation=" + validationFraction + ", patience=" + patience + ", kmeansInit=" + kmeansInit
                + ", deadCodeReset=" + deadCodeReset + ", standardize=" + standardize + ", seed=" + seed
                + ", wasserstein=" + wasserstein + ", grit=" + grit + "]";
    }
}
