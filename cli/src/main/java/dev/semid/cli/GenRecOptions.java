package dev.semid.cli;

import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.Preset;
import picocli.CommandLine.Option;

/** A recommender's preset and any of its knobs (unset ones keep the preset's default). */
final class GenRecOptions {
    @Option(names = "--preset", defaultValue = "compact", paramLabel = "NAME",
            description = "compact (the CPU model), tiger (TIGER/GRID encoder-decoder, for GPUs) or sasrec (item-ID baseline); default ${DEFAULT-VALUE}.")
    String preset;
    @Option(names = "--epochs", paramLabel = "N", description = "Upper bound on epochs.") Integer epochs;
    @Option(names = "--max-minutes", paramLabel = "M", description = "Stop after this much training time, keeping the best checkpoint.") Double maxMinutes;
    @Option(names = "--batch-size", paramLabel = "N", description = "Sequences (compact, sasrec) or examples (tiger) per step.") Integer batchSize;
    @Option(names = "--lr", paramLabel = "LR", description = "AdamW peak learning rate.") Double lr;
    @Option(names = "--warmup", paramLabel = "STEPS", description = "Linear warm-up steps.") Integer warmup;
    @Option(names = "--weight-decay", paramLabel = "W", description = "AdamW weight decay of matrices.") Double weightDecay;
    @Option(names = "--clip", paramLabel = "NORM", description = "Global gradient-norm clip (0: off).") Double clip;
    @Option(names = "--patience", paramLabel = "N", description = "Stop after N validations without a better Recall@10 (0: never).") Integer patience;
    @Option(names = "--eval-every", paramLabel = "N", description = "Validate every N epochs.") Integer evalEvery;
    @Option(names = "--validation-users", paramLabel = "N", description = "Validate on N users drawn with the seed (0: all).") Integer validationUsers;
    @Option(names = "--d-model", paramLabel = "D", description = "Model width.") Integer dModel;
    @Option(names = "--layers", paramLabel = "N", description = "Transformer layers (tiger: encoder layers).") Integer layers;
    @Option(names = "--decoder-layers", paramLabel = "N", description = "tiger: decoder layers.") Integer decoderLayers;
    @Option(names = "--heads", paramLabel = "N", description = "Attention heads.") Integer heads;
    @Option(names = "--head-dim", paramLabel = "N", description = "Width of each attention head.") Integer headDim;
    @Option(names = "--ff-dim", paramLabel = "N", description = "Feed-forward width.") Integer ffDim;
    @Option(names = "--head-hidden", paramLabel = "N", description = "compact: feed-forward width of the code head.") Integer headHidden;
    @Option(names = "--dropout", paramLabel = "P", description = "Dropout rate.") Double dropout;
    @Option(names = "--max-history", paramLabel = "N", description = "Most recent items the model reads.") Integer maxHistory;
    @Option(names = "--beam", paramLabel = "W", description = "Beam width of constrained decoding during validation.") Integer beam;
    @Option(names = "--seed", paramLabel = "S", description = "Seed of weights, shuffling and dropout.") Long seed;

    GenRecConfig config() {
        GenRecConfig.Builder b = GenRecConfig.defaults(Preset.parse(preset)).toBuilder();
        if (epochs != null) b.epochs(epochs);
        if (maxMinutes != null) b.maxMinutes(maxMinutes);
        if (batchSize != null) b.batchSize(batchSize);
        if (lr != null) b.learningRate(lr);
        if (warmup != null) b.warmupSteps(warmup);
        if (weightDecay != null) b.weightDecay(weightDecay);
        if (clip != null) b.clipNorm(clip);
        if (patience != null) b.patience(patience);
        if (evalEvery != null) b.evalEvery(evalEvery);
        if (validationUsers != null) b.validationUsers(validationUsers);
        if (dModel != null) b.dModel(dModel);
        if (layers != null) b.layers(layers);
        if (decoderLayers != null) b.decoderLayers(decoderLayers);
        if (heads != null) b.heads(heads);
        if (headDim != null) b.headDim(headDim);
        if (ffDim != null) b.ffDim(ffDim);
        if (headHidden != null) b.headHidden(headHidden);
        if (dropout != null) b.dropout(dropout);
        if (maxHistory != null) b.maxHistory(maxHistory);
        if (beam != null) b.beam(beam);
        if (seed != null) b.seed(seed);
        return b.build();
    }
}
