package dev.semid.cli;

import ai.djl.Device;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.RqVaeTrainer;
import dev.semid.tokenizer.train.TrainingListener;
import picocli.CommandLine.Option;

/** Every training knob, named; validated once by the config records. */
final class TrainOptions {
    @Option(names = "--method", defaultValue = "rqvae", paramLabel = "M", description = "rqkmeans or rqvae (default ${DEFAULT-VALUE}).")
    String method;
    @Option(names = "--levels", defaultValue = "3", description = "Residual levels L (default ${DEFAULT-VALUE}).")
    int levels;
    @Option(names = "--codes", defaultValue = "256", description = "Codes per level K (default ${DEFAULT-VALUE}).")
    int codes;
    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--standardize", description = "Standardise each input dimension first.")
    boolean standardize;

    // RQ-KMeans
    @Option(names = "--kmeans-iterations", defaultValue = "30", description = "rqkmeans: Lloyd iterations per level (default ${DEFAULT-VALUE}).")
    int kmeansIterations;
    @Option(names = "--balanced-last-level", description = "rqkmeans: balanced clusters on the last level.")
    boolean balancedLastLevel;

    // RQ-VAE
    @Option(names = "--epochs", defaultValue = "200", description = "rqvae: maximum epochs (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--batch-size", defaultValue = "1024", description = "rqvae: mini-batch size (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--lr", defaultValue = "1e-3", description = "rqvae: AdamW learning rate of encoder/decoder (default ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--codebook-lr", defaultValue = "1e-3", description = "rqvae: AdamW learning rate of the codebooks (default ${DEFAULT-VALUE}).")
    double codebookLr;
    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "rqvae: decoupled weight decay of the network (default ${DEFAULT-VALUE}).")
    double weightDecay;
    @Option(names = "--beta", defaultValue = "0.25", description = "rqvae: commitment weight β (default ${DEFAULT-VALUE}).")
    double beta;
    @Option(names = "--latent-dim", defaultValue = "32", description = "rqvae: latent/codebook dimension (default ${DEFAULT-VALUE}).")
    int latentDim;
    @Option(names = "--hidden", defaultValue = "512,256,128", split = ",", description = "rqvae: encoder hidden widths; the decoder mirrors them (default ${DEFAULT-VALUE}).")
    int[] hidden;
    @Option(names = "--validation", defaultValue = "0.05", description = "rqvae: held-out share for validation/early stopping (default ${DEFAULT-VALUE}).")
    double validation;
    @Option(names = "--patience", defaultValue = "20", description = "rqvae: epochs without validation improvement before stopping; 0 = never (default ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--no-kmeans-init", negatable = true, defaultValue = "true", description = "rqvae: k-means initialisation of every level's codebook (on by default).")
    boolean kmeansInit;
    @Option(names = "--no-dead-code-reset", negatable = true, defaultValue = "true", description = "rqvae: reset codes unused for an epoch (on by default).")
    boolean deadCodeReset;

    QuantizerModel train(Matrix x, Device device, TrainingListener listener) {
        return switch (method) {
            case "rqkmeans" -> new RqKMeansTrainer(
                    new RqKMeansConfig(levels, codes, kmeansIterations, balancedLastLevel, standardize, seed), listener).train(x);
            case "rqvae" -> new RqVaeTrainer(rqVaeConfig(), device, listener).train(x);
            default -> throw new IllegalArgumentException("unknown --method '" + method + "': use rqkmeans or rqvae");
        };
    }

    RqVaeConfig rqVaeConfig() {
        return new RqVaeConfig(hidden, latentDim, levels, codes, beta, lr, codebookLr, weightDecay, epochs, batchSize,
                validation, patience, kmeansInit, deadCodeReset, standardize, seed);
    }
}
