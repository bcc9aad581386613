package dev.semid.cli;

import ai.djl.Device;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.Seeding;
import dev.semid.tokenizer.train.GritConfig;
import dev.semid.tokenizer.train.RadiusFunction;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.TrainerSettings;
import dev.semid.tokenizer.train.Trainers;
import dev.semid.tokenizer.train.WassersteinConfig;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every training knob, named; validated once by the configs, each when the chosen method asks for it. */
final class TrainOptions implements TrainerSettings {
    @Option(names = "--method", defaultValue = "rqvae", paramLabel = "M",
            description = "rqkmeans, rqvae, wasserstein, grit or wasserstein+grit (default ${DEFAULT-VALUE}); the last three are RQ-VAE with the named additions.")
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
    @Option(names = "--seeding", defaultValue = "auto", paramLabel = "auto|progressive|kmeans++",
            description = "rqkmeans: how each level's k-means starts: clustering in growing principal subspaces (progressive), k-means++, "
                    + "or progressive where every code has at least 32 training rows and k-means++ below (default ${DEFAULT-VALUE}).")
    String seeding;
    @Option(names = "--mini-batch", defaultValue = "0", paramLabel = "ROWS",
            description = "rqkmeans: mini-batch k-means with batches of ROWS; --kmeans-iterations then counts passes over the rows "
                    + "(a few suffice). 0 = full-batch Lloyd (default ${DEFAULT-VALUE}).")
    int miniBatch;
    @Option(names = "--balanced-last-level", description = "rqkmeans: balanced clusters on the last level (at most ceil(N/K) rows each).")
    boolean balancedLastLevel;
    @Option(names = "--cluster-cap", defaultValue = "1.5", paramLabel = "F",
            description = "rqkmeans: no cluster of any level takes more than F·N/K training rows, which spreads dense regions over "
                    + "more tuples at almost no error; 0 = uncapped (default ${DEFAULT-VALUE}; mini-batch levels are uncapped).")
    double clusterCap;
    @Option(names = "--refine-rounds", defaultValue = "0",
            description = "rqkmeans: rounds of joint least-squares refinement of all codebooks after the greedy fit (default ${DEFAULT-VALUE}).")
    int refineRounds;
    @Option(names = "--sample", defaultValue = "262144", paramLabel = "N",
            description = "rqkmeans: train on at most N items drawn uniformly; all are tokenized (default ${DEFAULT-VALUE}).")
    int sample;

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

    // Wasserstein distributional matching (arXiv 2506.15078)
    @Option(names = "--w-alpha", defaultValue = "1.0", description = "wasserstein: codebook term weight α (default ${DEFAULT-VALUE}).")
    double wAlpha;
    @Option(names = "--w-beta", defaultValue = "0.1", description = "wasserstein: commitment weight β on matched levels (default ${DEFAULT-VALUE}).")
    double wBeta;
    @Option(names = "--w-gamma", defaultValue = "0.5", description = "wasserstein: W2 term weight γ (default ${DEFAULT-VALUE}).")
    double wGamma;
    @Option(names = "--w-queue", defaultValue = "65536", description = "wasserstein: FIFO of residuals per level, capped at the training-set size (default ${DEFAULT-VALUE}).")
    int wQueue;
    @Option(names = "--w-ridge", defaultValue = "1e-6", description = "wasserstein: ridge on the covariances (default ${DEFAULT-VALUE}).")
    double wRidge;
    @Option(names = "--w-levels", split = ",", paramLabel = "L", description = "wasserstein: 1-based levels that get the term (default all).")
    int[] wLevels;

    // GRIT-VQ (this project's reading of arXiv 2602.01140's abstract)
    @Option(names = "--grit-radius", defaultValue = "saturating", description = "grit: classic, constant, power or saturating (default ${DEFAULT-VALUE}).")
    String gritRadius;
    @Option(names = "--grit-lambda", defaultValue = "1.0", description = "grit: λ of the radius function (default ${DEFAULT-VALUE}).")
    double gritLambda;
    @Option(names = "--grit-power", defaultValue = "1.0", description = "grit: p of the power radius (default ${DEFAULT-VALUE}).")
    double gritPower;
    @Option(names = "--grit-tau", defaultValue = "1.0", description = "grit: τ of the saturating radius (default ${DEFAULT-VALUE}).")
    double gritTau;
    @Option(names = "--no-grit-surrogate", negatable = true, defaultValue = "true", description = "grit: radius surrogate instead of the commitment term (on by default).")
    boolean gritSurrogate;
    @Option(names = "--no-grit-transform", negatable = true, defaultValue = "true", description = "grit: codebook transform C = B·W + b (on by default).")
    boolean gritTransform;
    @Option(names = "--grit-levels", split = ",", paramLabel = "L", description = "grit: 1-based levels that get the GRIT parts (default all).")
    int[] gritLevels;

    QuantizerModel train(Matrix x, Device device, TrainingListener listener) {
        return Trainers.of(method, this, device, listener).train(x);
    }

    @Override public RqKMeansConfig rqKMeans() {
        return RqKMeansConfig.builder().levels(levels).codes(codes).iterations(kmeansIterations)
                .balancedLastLevel(balancedLastLevel).clusterCap(clusterCap).standardize(standardize).seed(seed).refineRounds(refineRounds).sample(sample)
                .seeding(Seeding.parse(seeding)).miniBatch(miniBatch).build();
    }

    @Override public RqVaeConfig rqVae() {
        return RqVaeConfig.builder().hidden(hidden).latentDim(latentDim).levels(levels).codes(codes).beta(beta)
                .learningRate(lr).codebookLearningRate(codebookLr).weightDecay(weightDecay).epochs(epochs).batchSize(batchSize)
                .validationFraction(validation).patience(patience).kmeansInit(kmeansInit).deadCodeReset(deadCodeReset)
                .standardize(standardize).seed(seed).build();
    }

    @Override public WassersteinConfig wasserstein() {
        return new WassersteinConfig(wAlpha, wBeta, wGamma, levelsOr(wLevels), wQueue, wRidge);
    }

    @Override public GritConfig grit() {
        return new GritConfig(RadiusFunction.parse(gritRadius, gritLambda, gritPower, gritTau), gritSurrogate, gritTransform,
                levelsOr(gritLevels));
    }

    /** The shared RQ-VAE settings, for reports (method-specific parts omitted). */
    Map<String, Object> rqVaeConfigForReport() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("levels", levels); m.put("codes", codes); m.put("seed", seed); m.put("epochs", epochs); m.put("batchSize", batchSize);
        m.put("lr", lr); m.put("codebookLr", codebookLr); m.put("weightDecay", weightDecay); m.put("beta", beta);
        m.put("latentDim", latentDim); m.put("hidden", hidden); m.put("validation", validation); m.put("patience", patience);
        m.put("kmeansInit", kmeansInit); m.put("deadCodeReset", deadCodeReset); m.put("standardize", standardize);
        m.put("wasserstein", Map.of("alpha", wAlpha, "beta", wBeta, "gamma", wGamma, "queue", wQueue, "ridge", wRidge));
        m.put("grit", Map.of("radius", gritRadius, "lambda", gritLambda, "power", gritPower, "tau", gritTau,
                "surrogate", gritSurrogate, "transform", gritTransform));
        m.put("kmeansIterations", kmeansIterations);
        return m;
    }

    private int[] levelsOr(int[] chosen) {
        if (chosen != null) return chosen;
        int[] all = new int[levels];
        for (int i = 0; i < levels; i++) all[i] = i + 1;
        return all;
    }
}
