package dev.semid.tokenizer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.semid.tokenizer.EpochReport;
import dev.semid.tokenizer.Trainer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Gaussian;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.engine.Mlp;
import dev.semid.tokenizer.engine.NdConvert;
import dev.semid.tokenizer.model.DenseLayer;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.KMeansConfig;
import dev.semid.tokenizer.quantize.ResidualKMeans;
import dev.semid.tokenizer.quantize.Standardization;
import dev.semid.tokenizer.rq.NdCodebook;
import dev.semid.tokenizer.rq.NdEncoding;
import dev.semid.tokenizer.rq.NdResidualQuantizer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an RQ-VAE with DJL:
 * Loss = ||x − x̂||² + Σ_l ( ||sg(r_l) − c_{l,k_l}||² + β ||r_l − sg(c_{l,k_l})||² ),
 * x̂ = Dec(z + sg(ẑ − z)) (straight-through estimator), with k-means initialisation of every
 * level's codebook, dead-code reset after each epoch, AdamW, shuffled mini-batches, a
 * validation split and early stopping that keeps the best weights.
 * Per level, optionally: + γ·W2 (Wasserstein matching, with weights α, β of its own), the
 * GRIT radius surrogate instead of the commitment term, and the GRIT codebook transform.
 */
public final class RqVaeTrainer implements Trainer {
    private final RqVaeConfig cfg;
    private final Device device;
    private final TrainingListener listener;

    public RqVaeTrainer(RqVaeConfig cfg, Device device, TrainingListener listener) {
        this.cfg = cfg;
        this.device = device;
        this.listener = listener;
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

            Params p = new Params(base, dim, rnd);
            List<LossPart> parts = lossParts(nTrain);
            List<AdamW> optimizers = new ArrayList<>();
            for (NDArray w : p.networkWeights()) optimizers.add(new AdamW(base, w, cfg.learningRate(), cfg.weightDecay()));
            for (NDArray b : p.networkBiases()) optimizers.add(new AdamW(base, b, cfg.learningRate(), 0));
            List<List<AdamW>> codebookOpts = new ArrayList<>();
            for (TrainableCodebook c : p.codebooks) {
                List<AdamW> opts = new ArrayList<>();
                for (NDArray a : c.parameters()) opts.add(new AdamW(base, a, cfg.codebookLearningRate(), 0));
                codebookOpts.add(opts);
                optimizers.addAll(opts);
            }

            if (cfg.kmeansInit()) kmeansInit(p, xTrain);

            listener.onStart(cfg.method(), cfg.epochs());
            List<Map<String, Object>> history = new ArrayList<>();
            double best = Double.POSITIVE_INFINITY;
            float[][] bestWeights = null;
            int bestEpoch = 0, sinceBest = 0;
            int steps = (nTrain + cfg.batchSize() - 1) / cfg.batchSize();
            long start = System.nanoTime();
            int epoch = 0;
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
                            f = p.forward(x);
                            NDArray total = null;
                            for (int i = 0; i < parts.size(); i++) {
                                values[i] = parts.get(i).compute(f);
                                total = total == null ? values[i] : total.add(values[i]);
                            }
                            gc.backward(total);
                        }
                        float[] v = NDArrays.stack(new NDList(values)).toFloatArray();
                        if (allFinite(v)) {
                            for (AdamW o : optimizers) o.step();
                            for (int i = 0; i < v.length; i++) partSums[i] += v[i] * (to - from);
                        } else {
                            // a non-finite loss would poison every weight: drop this step's gradients
                            for (AdamW o : optimizers) o.skip();
                            skipped++;
                        }
                        countUsage(f.indices(), usage);
                    }
                    listener.onStep(epoch, s + 1, steps);
                }
                int reset = cfg.deadCodeReset() ? resetDeadCodes(p, xTrain, usage, codebookOpts, rnd) : 0;
                double val = xVal == null ? Double.NaN : validationLoss(p, xVal);
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
                    bestWeights = p.snapshot();
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
                if (skipped > 0) listener.onMessage("epoch " + epoch + ": skipped " + skipped + " steps with a non-finite loss");
                listener.onEpoch(r);
                history.add(historyRow(r));
                if (cfg.patience() > 0 && sinceBest >= cfg.patience()) {
                    listener.onMessage("early stop at epoch " + epoch + ": no validation improvement for " + cfg.patience()
                            + " epochs; keeping epoch " + bestEpoch);
                    break;
                }
            }
            if (bestWeights != null) p.restore(bestWeights);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("epochsRun", Math.min(epoch, cfg.epochs()));
            metrics.put("bestEpoch", bestEpoch);
            metrics.put("bestMonitoredLoss", best);
            metrics.put("trainSeconds", (System.nanoTime() - start) / 1e9);
            metrics.put("history", history);
            return p.toModel(std, settings(), metrics);
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

    private static void countUsage(List<NDArray> indices, int[][] usage) {
        for (int l = 0; l < indices.size(); l++)
            for (long k : indices.get(l).toLongArray()) usage[l][(int) k]++;
    }

    /**
     * Mean validation reconstruction loss ||x − Dec(ẑ)||², without gradients: the one criterion
     * every method shares (their quantizer terms differ), so early stopping is comparable.
     */
    private double validationLoss(Params p, NDArray xVal) {
        ReconstructionLoss recon = new ReconstructionLoss();
        double sum = 0;
        long rows = xVal.getShape().get(0);
        for (long from = 0; from < rows; from += cfg.batchSize()) {
            long to = Math.min(rows, from + cfg.batchSize());
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                sum += recon.compute(p.forward(xVal.get(from + ":" + to))).getFloat() * (to - from);
            }
        }
        return sum / rows;
    }

    /** Encodes the training set without gradients: z for every training row, as a Java matrix. */
    private Matrix encodeAll(Params p, NDArray x) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return NdConvert.toMatrix(Mlp.forward(x, p.encoder).stopGradient());
        }
    }

    /** Residual k-means on the encoded training items sets every level's starting codebook. */
    private void kmeansInit(Params p, NDArray xTrain) {
        Matrix r = encodeAll(p, xTrain);
        List<Matrix> books = new ResidualKMeans(cfg.codes(), l -> KMeansConfig.defaults(cfg.seed() + 100 + l).withIterations(25))
                .fit(r, cfg.levels(), level -> {});
        for (int l = 0; l < books.size(); l++) p.codebooks.get(l).assign(books.get(l).data());
        listener.onMessage("codebooks initialised by residual k-means on " + r.rows() + " encoded items");
    }

    /**
     * Codes no item chose during the epoch are moved onto residuals r_l of random training items
     * (their momentum cleared), so every code is back in play next epoch.
     */
    private int resetDeadCodes(Params p, NDArray xTrain, int[][] usage, List<List<AdamW>> codebookOpts, SplittableRandom rnd) {
        int total = 0;
        List<int[]> dead = new ArrayList<>();
        for (int l = 0; l < cfg.levels(); l++) {
            List<Integer> d = new ArrayList<>();
            if (p.codebooks.get(l).resettable())
                for (int k = 0; k < cfg.codes(); k++) if (usage[l][k] == 0) d.add(k);
            dead.add(d.stream().mapToInt(Integer::intValue).toArray());
            total += d.size();
        }
        if (total == 0) return 0;
        long rows = xTrain.getShape().get(0);
        int sample = (int) Math.min(rows, 4096);
        int[] pick = new int[sample];
        for (int i = 0; i < sample; i++) pick[i] = rnd.nextInt((int) rows);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            ForwardPass f = p.forward(xTrain.get(xTrain.getManager().create(pick)));
            for (int l = 0; l < cfg.levels(); l++) {
                int[] codes = dead.get(l);
                if (codes.length == 0) continue;
                float[] res = f.residuals().get(l).stopGradient().toFloatArray();
                int d = cfg.latentDim();
                TrainableCodebook cb = p.codebooks.get(l);
                float[] book = cb.current().stopGradient().toFloatArray();
                for (int k : codes) {
                    int src = rnd.nextInt(sample);
                    System.arraycopy(res, src * d, book, k * d, d);
                }
                cb.assign(book);
                codebookOpts.get(l).get(0).resetRows(codes);
            }
        }
        return total;
    }

    /** The trainable tensors and the forward pass over them. */
    final class Params {
        final List<NDArray[]> encoder = new ArrayList<>();
        final List<NDArray[]> decoder = new ArrayList<>();
        final List<TrainableCodebook> codebooks = new ArrayList<>();

        Params(NDManager m, int dim, SplittableRandom rnd) {
            int[] widths = new int[cfg.hidden().length + 2];
            widths[0] = dim;
            System.arraycopy(cfg.hidden(), 0, widths, 1, cfg.hidden().length);
            widths[widths.length - 1] = cfg.latentDim();
            for (int i = 0; i + 1 < widths.length; i++) encoder.add(linear(m, widths[i], widths[i + 1], rnd));
            for (int i = widths.length - 1; i > 0; i--) decoder.add(linear(m, widths[i], widths[i - 1], rnd));
            int k = cfg.codes(), d = cfg.latentDim();
            for (int l = 0; l < cfg.levels(); l++) {
                if (cfg.grit() != null && cfg.grit().transform() && cfg.grit().appliesTo(l)) {
                    // B ~ N(0, 1/d), fixed and data-agnostic; W = I, b = 0 until k-means init fits them
                    float[] basis = new float[k * d], eye = new float[d * d];
                    for (int i = 0; i < basis.length; i++) basis[i] = (float) (Gaussian.sample(rnd) / Math.sqrt(d));
                    for (int i = 0; i < d; i++) eye[i * d + i] = 1;
                    codebooks.add(new TransformedCodebook(m.create(basis, new Shape(k, d)).toDevice(device, false),
                            trainable(m, eye, new Shape(d, d)), trainable(m, new float[d], new Shape(d))));
                } else {
                    float[] v = new float[k * d];
                    for (int i = 0; i < v.length; i++) v[i] = (float) (Gaussian.sample(rnd) * 0.01);
                    codebooks.add(new FreeCodebook(trainable(m, v, new Shape(k, d))));
                }
            }
        }

        /** PyTorch's nn.Linear initialisation: W, b ~ U(−1/√in, 1/√in). */
        private NDArray[] linear(NDManager m, int in, int out, SplittableRandom rnd) {
            double bound = 1 / Math.sqrt(in);
            float[] w = new float[in * out], b = new float[out];
            for (int i = 0; i < w.length; i++) w[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            for (int i = 0; i < b.length; i++) b[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            return new NDArray[] {trainable(m, w, new Shape(out, in)), trainable(m, b, new Shape(out))}; // out×in, as Mlp takes
        }

        private NDArray trainable(NDManager m, float[] v, Shape shape) {
            NDArray a = m.create(v, shape).toDevice(device, false);
            a.setRequiresGradient(true);
            return a;
        }

        List<NDArray> networkWeights() {
            List<NDArray> out = new ArrayList<>();
            for (NDArray[] l : encoder) out.add(l[0]);
            for (NDArray[] l : decoder) out.add(l[0]);
            return out;
        }

        List<NDArray> networkBiases() {
            List<NDArray> out = new ArrayList<>();
            for (NDArray[] l : encoder) out.add(l[1]);
            for (NDArray[] l : decoder) out.add(l[1]);
            return out;
        }

        List<NDArray> all() {
            List<NDArray> out = new ArrayList<>(networkWeights());
            out.addAll(networkBiases());
            for (TrainableCodebook c : codebooks) out.addAll(c.parameters());
            return out;
        }

        ForwardPass forward(NDArray x) {
            NDArray z = Mlp.forward(x, encoder);
            NdEncoding e = NdResidualQuantizer.encode(z, codebooks.size(), l -> NdCodebook.training(codebooks.get(l).current()));
            NDArray zst = z.add(e.quantized().sub(z).stopGradient()); // straight-through: ẑ forward, ∂/∂z backward
            return new ForwardPass(x, z, e.residuals(), e.chosen(), e.codebooks(), e.indices(), Mlp.forward(zst, decoder));
        }

        float[][] snapshot() {
            List<NDArray> a = all();
            float[][] s = new float[a.size()][];
            for (int i = 0; i < s.length; i++) s[i] = a.get(i).stopGradient().toFloatArray();
            return s;
        }

        void restore(float[][] s) {
            List<NDArray> a = all();
            for (int i = 0; i < s.length; i++) a.get(i).set(FloatBuffer.wrap(s[i]));
        }

        QuantizerModel toModel(Standardization std, Map<String, Object> settings, Map<String, Object> metrics) {
            List<DenseLayer> enc = new ArrayList<>(), dec = new ArrayList<>();
            for (NDArray[] l : encoder) enc.add(dense(l));
            for (NDArray[] l : decoder) dec.add(dense(l));
            List<Matrix> books = new ArrayList<>();
            for (TrainableCodebook c : codebooks) books.add(NdConvert.toMatrix(c.current().stopGradient())); // transformed codes, not B
            return new QuantizerModel(cfg.method(), (int) encoder.get(0)[0].getShape().get(1),
                    std == null ? null : std.mean(), std == null ? null : std.scale(), enc, books, dec, settings, metrics);
        }

        private DenseLayer dense(NDArray[] l) {
            return new DenseLayer(NdConvert.toMatrix(l[0].stopGradient()).transpose(), l[1].stopGradient().toFloatArray());
        }
    }
}
