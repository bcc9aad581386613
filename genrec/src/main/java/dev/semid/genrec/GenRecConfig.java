package dev.semid.genrec;

/**
 * Every knob of a recommender and its training, validated here once. Start from
 * {@link #defaults(Preset)} and change fields with the builder ({@link #toBuilder()}).
 *
 * @param preset          which model
 * @param dModel          width of the token/item representations
 * @param layers          transformer layers of the sequence model (TIGER: of the encoder)
 * @param decoderLayers   TIGER's decoder layers (unused by the others)
 * @param heads           attention heads
 * @param headDim         width of each head (heads × headDim may differ from dModel, as in T5)
 * @param ffDim           feed-forward width
 * @param headHidden      compact: width of the code head's feed-forward block
 * @param dropout         dropout on embeddings, attention weights, residual branches
 * @param maxHistory      items of history the model sees (TIGER: 20)
 * @param learningRate    AdamW peak learning rate
 * @param warmupSteps     linear warm-up from 0 to the peak over this many steps
 * @param weightDecay     AdamW decoupled weight decay of matrices (never of gains and biases)
 * @param clipNorm        gradients are scaled down when their global L2 norm exceeds this (0: off)
 * @param batchSize       training sequences (compact, sasrec) or examples (tiger) per step
 * @param epochs          upper bound on passes over the training data
 * @param patience        stop after this many validations without a better Recall@10 (0: never)
 * @param evalEvery       validate every this many epochs
 * @param maxMinutes      stop once training has run this long (0: no limit); the best checkpoint is kept
 * @param validationUsers validate on this many users drawn once with the seed (0: all)
 * @param beam            beam width of trie-constrained decoding (≥ the K asked for)
 * @param seed            weights, shuffling and dropout
 */
public record GenRecConfig(Preset preset, int dModel, int layers, int decoderLayers, int heads, int headDim, int ffDim,
                           int headHidden, double dropout, int maxHistory, double learningRate, int warmupSteps,
                           double weightDecay, double clipNorm, int batchSize, int epochs, int patience, int evalEvery,
                           double maxMinutes, int validationUsers, int beam, long seed) {
    public GenRecConfig {
        if (preset == null) throw new IllegalArgumentException("a preset is required");
        positive("d-model", dModel);
        positive("layers", layers);
        if (preset == Preset.TIGER) positive("decoder-layers", decoderLayers);
        positive("heads", heads);
        positive("head-dim", headDim);
        positive("ff-dim", ffDim);
        positive("head-hidden", headHidden);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        positive("max-history", maxHistory);
        if (!(learningRate > 0 && Double.isFinite(learningRate))) throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        if (warmupSteps < 0) throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        if (!(clipNorm >= 0)) throw new IllegalArgumentException("clip norm must be >= 0, got " + clipNorm);
        positive("batch-size", batchSize);
        positive("epochs", epochs);
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        positive("eval-every", evalEvery);
        if (!(maxMinutes >= 0)) throw new IllegalArgumentException("max minutes must be >= 0, got " + maxMinutes);
        if (validationUsers < 0) throw new IllegalArgumentException("validation users must be >= 0, got " + validationUsers);
        positive("beam", beam);
    }

    private static void positive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }

    /** The preset's defaults: TIGER's published configuration; compact and SASRec chosen for Beauty on a CPU. */
    public static GenRecConfig defaults(Preset preset) {
        Builder b = new Builder().preset(preset).maxHistory(20).warmupSteps(200).clipNorm(1.0).epochs(200).patience(10)
                .evalEvery(1).validationUsers(0).beam(20).seed(42);
        return switch (preset) {
            case TIGER -> b.dModel(128).layers(4).decoderLayers(4).heads(6).headDim(64).ffDim(1024).headHidden(256).dropout(0.15)
                    .learningRate(1e-3).weightDecay(0.035).batchSize(256).build();
            case COMPACT -> b.dModel(128).layers(2).decoderLayers(1).heads(2).headDim(64).ffDim(512).headHidden(512).dropout(0.3)
                    .learningRate(1e-3).weightDecay(0.01).batchSize(128).build();
            case SASREC -> b.dModel(64).layers(2).decoderLayers(1).heads(1).headDim(64).ffDim(256).headHidden(64).dropout(0.5)
                    .learningRate(1e-3).weightDecay(0.0).batchSize(128).build();
        };
    }

    public Builder toBuilder() {
        return new Builder().preset(preset).dModel(dModel).layers(layers).decoderLayers(decoderLayers).heads(heads).headDim(headDim)
                .ffDim(ffDim).headHidden(headHidden).dropout(dropout).maxHistory(maxHistory).learningRate(learningRate)
                .warmupSteps(warmupSteps).weightDecay(weightDecay).clipNorm(clipNorm).batchSize(batchSize).epochs(epochs)
                .patience(patience).evalEvery(evalEvery).maxMinutes(maxMinutes).validationUsers(validationUsers).beam(beam).seed(seed);
    }

    /** Named setters; {@link #build()} validates. */
    public static final class Builder {
        private Preset preset;
        private int dModel, layers, decoderLayers, heads, headDim, ffDim, headHidden, maxHistory, warmupSteps, batchSize, epochs,
                patience, evalEvery, validationUsers, beam;
        private double dropout, learningRate, weightDecay, clipNorm, maxMinutes;
        private long seed;

        public Builder preset(Preset v) { preset = v; return this; }
        public Builder dModel(int v) { dModel = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder decoderLayers(int v) { decoderLayers = v; return this; }
        public Builder heads(int v) { heads = v; return this; }
        public Builder headDim(int v) { headDim = v; return this; }
        public Builder ffDim(int v) { ffDim = v; return this; }
        public Builder headHidden(int v) { headHidden = v; return this; }
        public Builder dropout(double v) { dropout = v; return this; }
        public Builder maxHistory(int v) { maxHistory = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder warmupSteps(int v) { warmupSteps = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder clipNorm(double v) { clipNorm = v; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder patience(int v) { patience = v; return this; }
        public Builder evalEvery(int v) { evalEvery = v; return this; }
        public Builder maxMinutes(double v) { maxMinutes = v; return this; }
        public Builder validationUsers(int v) { validationUsers = v; return this; }
        public Builder beam(int v) { beam = v; return this; }
        public Builder seed(long v) { seed = v; return this; }

        public GenRecConfig build() {
            return new GenRecConfig(preset, dModel, layers, decoderLayers, heads, headDim, ffDim, headHidden, dropout, maxHistory,
                    learningRate, warmupSteps, weightDecay, clipNorm, batchSize, epochs, patience, evalEvery, maxMinutes,
                    validationUsers, beam, seed);
        }
    }
}
