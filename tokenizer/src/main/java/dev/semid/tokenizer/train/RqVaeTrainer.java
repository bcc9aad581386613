package dev.semid.tokenizer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.semid.tokenizer.EpochReport;
import dev.semid.tokenizer.Trainer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.engine.Mlp;
import dev.semid.tokenizer.engine.NdConvert;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.KMeansConfig;
import dev.semid.tokenizer.quantize.ResidualKMeans;
import dev.semid.tokenizer.quantize.Standardization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an RQ-VAE with DJL:
 * Loss = ||x − x̂||² + Σ_l ( ||sg(r_l) − c_{l,k_l}||² + β ||r_l − sg(c_{l,k_l})||² ),
 * x̂ = Dec(z + sg(ẑ − z)) (straight-through estimator; {@link RqVaeNetwork}), with k-means
 * initialisation of every level's codebook, dead-code reset after each epoch ({@link DeadCodeReset}),
 * AdamW, shuffled mini-batches, a validation split and early stopping that keeps the best weights.
 * Per level, optionally: + γ·W2 (Wasserstein matching, with weights α, β of its own), the
 * GRIT radius surrogate instead of the commitment term, and the GRIT codebook transform.
 */
public final class RqVaeTrainer implements Trainer {
    private final RqVaeConfig cfg;
    private final Device device;
    private final TrainingListener listener;

    private final List<LossPart> extraParts;

    public RqVaeTrainer(RqVaeConfig cfg, Device device, TrainingListener listener) {
        this(cfg, device, listener, List.of());
    }

    /** With loss parts beyond the configured ones: how tests provoke what real losses do rarely. */
    RqVaeTrainer(RqVaeConfig cfg, Device device, TrainingListener listener, List<LossPart> extraParts) {
        this.cfg = cfg;
        this.device = device;
        this.listener = listener;
        this.extraParts = List.copyOf(extraParts);
    }

    @Override public String method() { return cfg.method(); }

    /** The named loss parts the configuration asks for, level by level. */
    List<LossPart> lossParts(int trainingItems) {
        WassersteinConfig w = cfg.wasserstein();
        GritConfig g = cfg.grit();
        List<LossPart> parts = new ArrayList<>();
        parts.add(new ReconstructionLoss());
        for (int l = 0; l < cfg.levels(); l++) {
            boolean matched = w != null && w.appliesTo(l);
            double alpha = matched ? w.alpha() : 1.0, beta = matched ? w.beta() : cfg.beta();
            parts.add(new CodebookLoss(l, alpha));
            if (g != null && g.surrogate() && g.appliesTo(l)) parts.add(new RadiusLoss(l, 2 * beta, g.radius()));
            else parts.add(new CommitmentLoss(l, beta));
            if (matched) parts.add(new WassersteinLoss(l, w, trainingItems));
        }
        parts.addAll(extraParts);
        return parts;
    }

    @Override public QuantizerModel train(Matrix input) {
        int n = input.rows(), dim = input.cols();
        int nVal = (int) Math.floor(n * cfg.validationFraction());
        int nTrain = n - nVal;
        if (nTrain < cfg.codes())
            throw new IllegalArgumentException(nTrain + " training items cannot fill " + cfg.codes() + " codes per level");
        SplittableRandom rnd = new SplittableRandom(cfg.seed());
        Standardization std = cfg.standardize() ? Standardization.fit(input) : null;
        int[] perm = Permutation.of(n, rnd);
        int[] trainRows = java.util.Arrays.copyOfRange(perm, nVal, n);
        int[] valRows = java.util.Arrays.copyOfRange(perm, 0, nVal);
        Engine.getEngine("PyTorch").setRandomSeed((int) cfg.seed());

        try (NDManager base = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray all = NdConvert.toNd(base, input, device);
            if (std != null) all = all.sub(NdConvert.toNd(base, std.mean(), device)).div(NdConvert.toNd(base, std.scale(), device));
            NDArray xTrain = all.get(base.create(trainRows));
            NDArray xVal = nVal > 0 ? all.get(base.create(valRows)) : null;
            all.close();

            RqVaeNetwork net = new RqVaeNetwork(base, dim, cfg, device, rnd);
            List<LossPart> parts = lossParts(nTrain);
            List<AdamW> optimizers = new ArrayList<>();
            for (NDArray w : net.networkWeights()) optimizers.add(new AdamW(base, w, cfg.learningRate(), cfg.weightDecay()));
            for (NDArray b : net.networkBiases()) optimizers.add(new AdamW(base, b, cfg.learningRate(), 0));
            List<List<AdamW>> codebookOpts = new ArrayList<>();
            for (TrainableCodebook c : net.codebooks) {
                List<AdamW> opts = new ArrayList<>();
                for (NDArray a : c.parameters()) opts.add(new AdamW(base, a, cfg.codebookLearningRate(), 0));
                codebookOpts.add(opts);
                optimizers.addAll(opts);
            }

            if (cfg.kmeansInit()) kmeansInit(net, xTrain);
            DeadCodeReset deadCodes = new DeadCodeReset(net, codebookOpts, cfg.latentDim());

            listener.onStart(cfg.method(), cfg.epochs());
            List<Map<String, Object>> history = new ArrayList<>();
            double best = Double.POSITIVE_INFINITY;
            float[][] bestWeights = null;
            int bestEpoch = 0, sinceBest = 0;
            int steps = (nTrain + cfg.batchSize() - 1) / cfg.batchSize();
            long start = System.nanoTime();
            int epoch = 0, skippedSteps = 0;
            String stopReason = "max epochs";
            for (epoch = 1; epoch <= cfg.epochs(); epoch++) {
                long t0 = System.nanoTime();
                int[] order = Permutation.of(nTrain, rnd);
                double[] partSums = new double[parts.size()];
                int skipped = 0;
                int[][] usage = new int[cfg.levels()][cfg.codes()];
                for (int s = 0; s < steps; s++) {
                    int from = s * cfg.batchSize(), to = Math.min(nTrain, from + cfg.batchSize());
                    try (NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        NDArray idx = base.create(java.util.Arrays.copyOfRange(order, from, to));
                        NDArray x = xTrain.get(idx);
                        NDArray[] values = new NDArray[parts.size()];
                        ForwardPass f;
                        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                            f = net.forward(x);
                            NDArray total = null;
                            for (int i = 0; i < parts.size(); i++) {
                                values[i] = parts.get(i).compute(f);
                                total = total == null ? values[i] : total.add(values[i]);
                            }
                            gc.backward(total);
                        }
                        float[] v = NDArrays.stack(new NDList(values)).toFloatArray();
                        if (allFinite(v) && gradientsFinite(optimizers)) {
                            for (AdamW o : optimizers) o.step();
                            for (int i = 0; i < v.length; i++) partSums[i] += v[i] * (to - from);
                        } else {
                            // a non-finite loss or gradient would poison every weight through Adam's moments: drop the step
                            for (AdamW o : optimizers) o.skip();
                            skipped++;
                        }
                        countUsage(f.indices(), usage);
                    }
                    listener.onStep(epoch, s + 1, steps);
                }
                int reset = cfg.deadCodeReset() ? deadCodes.apply(xTrain, usage, rnd) : 0;
                double val = xVal == null ? Double.NaN : validationLoss(net, xVal);
                Map<String, Double> mean = new LinkedHashMap<>();
                double trainLoss = 0;
                for (int i = 0; i < parts.size(); i++) {
                    mean.put(parts.get(i).name(), partSums[i] / nTrain);
                    trainLoss += partSums[i] / nTrain;
                }
                double monitored = xVal == null ? mean.get("recon") : val;
                boolean improved = monitored < best - 1e-7;
                if (improved) {
                    best = monitored;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    bestWeights = net.snapshot();
                } else sinceBest++;
                double[] util = new double[cfg.levels()];
                for (int l = 0; l < cfg.levels(); l++) {
                    int used = 0;
                    for (int c : usage[l]) if (c > 0) used++;
                    util[l] = used / (double) cfg.codes();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double elapsed = (System.nanoTime() - start) / 1e9;
                double eta = elapsed / epoch * (cfg.epochs() - epoch);
                EpochReport r = new EpochReport(epoch, cfg.epochs(), mean, trainLoss, val, util, reset, secs, eta, improved);
                skippedSteps += skipped;
                if (skipped > 0) listener.onMessage("epoch " + epoch + ": skipped " + skipped + " steps with a non-finite loss or gradient");
                listener.onEpoch(r);
                history.add(historyRow(r));
                if (!Double.isFinite(monitored)) {
                    // NaN never compares as an improvement: without this the run would idle out its patience
                    stopReason = "diverged";
                    listener.onMessage("stopped at epoch " + epoch + ": the monitored loss is " + monitored + "; keeping epoch " + bestEpoch);
                    break;
                }
                if (cfg.patience() > 0 && sinceBest >= cfg.patience()) {
                    stopReason = "patience";
                    listener.onMessage("early stop at epoch " + epoch + ": no validation improvement for " + cfg.patience()
                            + " epochs; keeping epoch " + bestEpoch);
                    break;
                }
            }
            if (bestWeights == null && "diverged".equals(stopReason))
                throw new IllegalStateException(cfg.method() + " training diverged in its first epoch (monitored loss not finite): "
                        + "lower the learning rates or the method's weights");
            if (bestWeights != null) net.restore(bestWeights);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("epochsRun", Math.min(epoch, cfg.epochs()));
            metrics.put("bestEpoch", bestEpoch);
            metrics.put("bestMonitoredLoss", best);
            metrics.put("stopReason", stopReason);
            metrics.put("skippedSteps", skippedSteps);
            metrics.put("trainSeconds", (System.nanoTime() - start) / 1e9);
            metrics.put("history", history);
            return net.toModel(cfg.method(), std, settings(), metrics);
        }
    }

    private Map<String, Object> historyRow(EpochReport r) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("epoch", r.epoch());
        h.put("loss", r.lossParts());
        h.put("trainLoss", r.trainLoss());
        h.put("validationLoss", Double.isNaN(r.validationLoss()) ? null : r.validationLoss());
        h.put("utilisation", r.utilisation());
        h.put("codesReset", r.codesReset());
        h.put("seconds", r.seconds());
        return h;
    }

    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("hidden", cfg.hidden());
        s.put("latentDim", cfg.latentDim());
        s.put("levels", cfg.levels());
        s.put("codes", cfg.codes());
        s.put("beta", cfg.beta());
        s.put("learningRate", cfg.learningRate());
        s.put("codebookLearningRate", cfg.codebookLearningRate());
        s.put("weightDecay", cfg.weightDecay());
        s.put("epochs", cfg.epochs());
        s.put("batchSize", cfg.batchSize());
        s.put("validationFraction", cfg.validationFraction());
        s.put("patience", cfg.patience());
        s.put("kmeansInit", cfg.kmeansInit());
        s.put("deadCodeReset", cfg.deadCodeReset());
        s.put("standardize", cfg.standardize());
        s.put("seed", cfg.seed());
        s.put("method", cfg.method());
        if (cfg.wasserstein() != null) s.put("wasserstein", cfg.wasserstein());
        if (cfg.grit() != null) s.put("grit", cfg.grit());
        return s;
    }

    private static boolean allFinite(float[] v) {
        for (float x : v) if (!Float.isFinite(x)) return false;
        return true;
    }

    /** One transfer for all parameters: Σ|g| per parameter is finite only if every element is. */
    private static boolean gradientsFinite(List<AdamW> optimizers) {
        NDList sums = new NDList(optimizers.size());
        for (AdamW o : optimizers) sums.add(o.weight().getGradient().abs().sum());
        for (float x : NDArrays.stack(sums).toFloatArray()) if (!Float.isFinite(x)) return false;
        return true;
    }

    private static void countUsage(List<NDArray> indices, int[][] usage) {
        for (int l = 0; l < indices.size(); l++)
            for (long k : indices.get(l).toLongArray()) usage[l][(int) k]++;
    }

    /**
     * Mean validation reconstruction loss ||x − Dec(ẑ)||², without gradients: the one criterion
     * every method shares (their quantizer terms differ), so early stopping is comparable.
     */
    private double validationLoss(RqVaeNetwork net, NDArray xVal) {
        ReconstructionLoss recon = new ReconstructionLoss();
        double sum = 0;
        long rows = xVal.getShape().get(0);
        for (long from = 0; from < rows; from += cfg.batchSize()) {
            long to = Math.min(rows, from + cfg.batchSize());
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                sum += recon.compute(net.forward(xVal.get(from + ":" + to))).getFloat() * (to - from);
            }
        }
        return sum / rows;
    }

    /** Encodes the training set without gradients: z for every training row, as a Java matrix. */
    private Matrix encodeAll(RqVaeNetwork net, NDArray x) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return NdConvert.toMatrix(Mlp.forward(x, net.encoder).stopGradient());
        }
    }

    /** Residual k-means on the encoded training items sets every level's starting codebook. */
    private void kmeansInit(RqVaeNetwork net, NDArray xTrain) {
        Matrix r = encodeAll(net, xTrain);
        List<Matrix> books = new ResidualKMeans(cfg.codes(), l -> KMeansConfig.defaults(cfg.seed() + 100 + l).withIterations(25))
                .fit(r, cfg.levels(), level -> {});
        for (int l = 0; l < books.size(); l++) net.codebooks.get(l).assign(books.get(l).data());
        listener.onMessage("codebooks initialised by residual k-means on " + r.rows() + " encoded items");
    }
}
