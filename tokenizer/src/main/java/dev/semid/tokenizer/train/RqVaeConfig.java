package dev.semid.tokenizer.train;

import java.util.Arrays;

/**
 * RQ-VAE training knobs (TIGER recipe defaults; AdamW instead of the published Adagrad 0.4,
 * which collapses in reproductions). Built by name with {@link #builder()}; every knob has a
 * default and {@link Builder#build()} validates them all.
 */
public final class RqVaeConfig {
    private final int[] hidden;
    private final int latentDim, levels, codes;
    private final double beta, learningRate, codebookLearningRate, weightDecay;
    private final int epochs, batchSize;
    private final double validationFraction;
    private final int patience;
    private final boolean kmeansInit, deadCodeReset, standardize;
    private final long seed;
    private final WassersteinConfig wasserstein;
    private final GritConfig grit;

    private RqVaeConfig(Builder b) {
        hidden = b.hidden.clone();
        latentDim = b.latentDim;
        levels = b.levels;
        codes = b.codes;
        beta = b.beta;
        learningRate = b.learningRate;
        codebookLearningRate = b.codebookLearningRate;
        weightDecay = b.weightDecay;
        epochs = b.epochs;
        batchSize = b.batchSize;
        validationFraction = b.validationFraction;
        patience = b.patience;
        kmeansInit = b.kmeansInit;
        deadCodeReset = b.deadCodeReset;
        standardize = b.standardize;
        seed = b.seed;
        wasserstein = b.wasserstein;
        grit = b.grit;
        validate();
    }

    private void validate() {
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

    private static void positive(String what, int v) {
        if (v < 1) throw new IllegalArgumentException(what + " must be >= 1, got " + v);
    }

    /** The defaults: 512-256-128 encoder, d = 32, 3 × 256 codes, plain RQ-VAE. */
    public static Builder builder() { return new Builder(); }

    public static RqVaeConfig defaults() { return builder().build(); }

    public Builder toBuilder() { return new Builder(this); }

    /** encoder hidden widths (decoder mirrors them): D → 512 → 256 → 128 → latent */
    public int[] hidden() { return hidden.clone(); }
    /** d, the latent and codebook dimension */
    public int latentDim() { return latentDim; }
    /** L residual levels */
    public int levels() { return levels; }
    /** K codes per level */
    public int codes() { return codes; }
    /** commitment weight β in β·||r − sg(c)||² */
    public double beta() { return beta; }
    /** AdamW learning rate of encoder and decoder */
    public double learningRate() { return learningRate; }
    /** AdamW learning rate of the codebooks */
    public double codebookLearningRate() { return codebookLearningRate; }
    /** decoupled weight decay of encoder/decoder weights (never on codebooks) */
    public double weightDecay() { return weightDecay; }
    /** maximum epochs */
    public int epochs() { return epochs; }
    /** mini-batch size */
    public int batchSize() { return batchSize; }
    /** share of items held out for validation loss and early stopping */
    public double validationFraction() { return validationFraction; }
    /** stop after this many epochs without validation improvement (0 = never) */
    public int patience() { return patience; }
    /** initialise every level's codebook by residual k-means on encoded items */
    public boolean kmeansInit() { return kmeansInit; }
    /** reset codes unused during an epoch to random current residuals */
    public boolean deadCodeReset() { return deadCodeReset; }
    /** standardise inputs per dimension before the encoder */
    public boolean standardize() { return standardize; }
    /** seeds initialisation, split, shuffling and k-means */
    public long seed() { return seed; }
    /** Wasserstein distributional matching, or null for none */
    public WassersteinConfig wasserstein() { return wasserstein; }
    /** GRIT-VQ radius surrogate / codebook transform, or null for none */
    public GritConfig grit() { return grit; }

    /** rqvae, wasserstein, grit or wasserstein+grit. */
    public String method() {
        if (wasserstein != null && grit != null) return "wasserstein+grit";
        if (wasserstein != null) return "wasserstein";
        if (grit != null) return "grit";
        return "rqvae";
    }

    public RqVaeConfig withMethods(WassersteinConfig w, GritConfig g) { return toBuilder().wasserstein(w).grit(g).build(); }

    public RqVaeConfig withEpochs(int e) { return toBuilder().epochs(e).build(); }

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

    /** Named knobs, each starting at its default; nothing is checked until {@link #build()}. */
    public static final class Builder {
        private int[] hidden = {512, 256, 128};
        private int latentDim = 32, levels = 3, codes = 256;
        private double beta = 0.25, learningRate = 1e-3, codebookLearningRate = 1e-3, weightDecay = 1e-4;
        private int epochs = 200, batchSize = 1024;
        private double validationFraction = 0.05;
        private int patience = 20;
        private boolean kmeansInit = true, deadCodeReset = true, standardize = false;
        private long seed = 42;
        private WassersteinConfig wasserstein;
        private GritConfig grit;

        private Builder() {}

        private Builder(RqVaeConfig c) {
            hidden = c.hidden;
            latentDim = c.latentDim;
            levels = c.levels;
            codes = c.codes;
            beta = c.beta;
            learningRate = c.learningRate;
            codebookLearningRate = c.codebookLearningRate;
            weightDecay = c.weightDecay;
            epochs = c.epochs;
            batchSize = c.batchSize;
            validationFraction = c.validationFraction;
            patience = c.patience;
            kmeansInit = c.kmeansInit;
            deadCodeReset = c.deadCodeReset;
            standardize = c.standardize;
            seed = c.seed;
            wasserstein = c.wasserstein;
            grit = c.grit;
        }

        public Builder hidden(int... widths) { hidden = widths.clone(); return this; }
        public Builder latentDim(int d) { latentDim = d; return this; }
        public Builder levels(int l) { levels = l; return this; }
        public Builder codes(int k) { codes = k; return this; }
        public Builder beta(double b) { beta = b; return this; }
        public Builder learningRate(double lr) { learningRate = lr; return this; }
        public Builder codebookLearningRate(double lr) { codebookLearningRate = lr; return this; }
        public Builder weightDecay(double wd) { weightDecay = wd; return this; }
        public Builder epochs(int e) { epochs = e; return this; }
        public Builder batchSize(int b) { batchSize = b; return this; }
        public Builder validationFraction(double f) { validationFraction = f; return this; }
        public Builder patience(int p) { patience = p; return this; }
        public Builder kmeansInit(boolean on) { kmeansInit = on; return this; }
        public Builder deadCodeReset(boolean on) { deadCodeReset = on; return this; }
        public Builder standardize(boolean on) { standardize = on; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder wasserstein(WassersteinConfig w) { wasserstein = w; return this; }
        public Builder grit(GritConfig g) { grit = g; return this; }

        public RqVaeConfig build() { return new RqVaeConfig(this); }
    }
}
