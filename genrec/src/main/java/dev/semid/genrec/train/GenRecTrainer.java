package dev.semid.genrec.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.model.GenRecModels;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.train.AdamW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains any preset on the training part of the leave-one-out split: AdamW with linear warm-up,
 * global gradient-norm clipping, shuffled mini-batches from a seed; after every
 * {@code evalEvery} epochs Recall@10 on the validation targets (the second-to-last items, never
 * the test items) decides early stopping, and the best validated weights are the result.
 */
public final class GenRecTrainer {
    public static final int VALIDATION_K = 10;

    private final GenRecConfig cfg;
    private final Device device;
    private final GenRecListener listener;

    public GenRecTrainer(GenRecConfig cfg, Device device, GenRecListener listener) {
        this.cfg = cfg;
        this.device = device;
        this.listener = listener;
    }

    /** The trained model (best validation checkpoint) and what training measured. */
    public record Result(GenRecModel model, Map<String, Object> metrics) {}

    public Result train(Interactions data, ItemCodes codes) {
        Engine.getEngine("PyTorch").setRandomSeed((int) cfg.seed());
        SplittableRandom rnd = new SplittableRandom(cfg.seed());
        GenRecModel model = GenRecModels.create(cfg, codes, data.items().size(), device);
        try {
            return run(model, data, rnd);
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    private Result run(GenRecModel model, Interactions data, SplittableRandom rnd) {
        List<int[]> parts = TrainingSamples.trainingParts(data);
        List<int[]> samples = model.causal() ? TrainingSamples.windows(parts, cfg.maxHistory()) : TrainingSamples.examples(parts, cfg.maxHistory());
        if (samples.isEmpty()) throw new IllegalArgumentException("no training data: every user needs at least 4 items (2 to train on, 1 validation, 1 test)");
        List<EvalCase> validation = validationCases(data, rnd);
        long targets = 0;
        for (int[] s : samples) targets += model.causal() ? s.length - 1 : 1;

        List<AdamW> opts = new ArrayList<>();
        for (String name : model.params().names())
            opts.add(new AdamW(model.params().manager(), model.params().get(name), cfg.learningRate(), model.params().decays(name) ? cfg.weightDecay() : 0));
        List<NDArray> weights = new ArrayList<>(model.params().all().values());

        listener.onMessage(String.format(java.util.Locale.ROOT, "%s: %,d parameters; %,d training %s (%,d targets), %,d validation users",
                cfg.preset().label(), model.params().size(), samples.size(), model.causal() ? "sequences" : "examples", targets, validation.size()));
        listener.onStart(cfg.preset().label(), cfg.epochs());
        int steps = (samples.size() + cfg.batchSize() - 1) / cfg.batchSize();
        long start = System.nanoTime();
        List<Map<String, Object>> history = new ArrayList<>();
        double best = -1;
        int bestEpoch = 0, sinceBest = 0, globalStep = 0, epoch;
        float[][] bestWeights = null;
        String stop = "epoch limit";
        Engine engine = Engine.getEngine("PyTorch");
        for (epoch = 1; epoch <= cfg.epochs(); epoch++) {
            long t0 = System.nanoTime();
            int[] order = Permutation.of(samples.size(), rnd);
            double lossSum = 0;
            long lossCount = 0;
            int skipped = 0;
            for (int s = 0; s < steps; s++) {
                List<int[]> batch = new ArrayList<>(cfg.batchSize());
                for (int i = s * cfg.batchSize(); i < Math.min(samples.size(), (s + 1) * cfg.batchSize()); i++) batch.add(samples.get(order[i]));
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray loss;
                    try (GradientCollector gc = engine.newGradientCollector()) {
                        loss = model.loss(batch);
                        gc.backward(loss);
                    }
                    float value = loss.getFloat();
                    if (Float.isFinite(value) && clip(weights)) {
                        globalStep++;
                        double scale = cfg.warmupSteps() == 0 ? 1 : Math.min(1.0, globalStep / (double) cfg.warmupSteps());
                        for (AdamW o : opts) o.step(scale);
                        lossSum += value * batch.size();
                        lossCount += batch.size();
                    } else {
                        for (AdamW o : opts) o.skip(); // a non-finite loss or gradient would poison every weight
                        skipped++;
                    }
                }
                listener.onStep(epoch, s + 1, steps);
            }
            double trainSecs = (System.nanoTime() - t0) / 1e9;
            double recall = Double.NaN, ndcg = Double.NaN;
            boolean improved = false;
            double elapsedMinutes = (System.nanoTime() - start) / 6e10;
            boolean outOfTime = cfg.maxMinutes() > 0 && elapsedMinutes >= cfg.maxMinutes();
            if (epoch % cfg.evalEvery() == 0 || epoch == cfg.epochs() || outOfTime) {
                Map<String, Double> m = HeldOut.metrics(model, validation, VALIDATION_K);
                recall = m.get("recall@" + VALIDATION_K);
                ndcg = m.get("ndcg@" + VALIDATION_K);
                improved = recall > best;
                if (improved) {
                    best = recall;
                    bestEpoch = epoch;
                    sinceBest = 0;
                    bestWeights = model.params().snapshot();
                } else sinceBest++;
            }
            double validationSecs = (System.nanoTime() - t0) / 1e9 - trainSecs, elapsed = (System.nanoTime() - start) / 1e9;
            double eta = elapsed / epoch * (cfg.epochs() - epoch);
            if (cfg.maxMinutes() > 0) eta = Math.min(eta, Math.max(0, cfg.maxMinutes() * 60 - elapsed));
            double meanLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
            listener.onRecommenderEpoch(new GenRecEpoch(epoch, cfg.epochs(), meanLoss, recall, ndcg, improved, best, bestEpoch, trainSecs, validationSecs, eta, skipped));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", epoch);
            row.put("loss", meanLoss);
            row.put("validationRecall@10", Double.isNaN(recall) ? null : recall);
            row.put("validationNdcg@10", Double.isNaN(ndcg) ? null : ndcg);
            row.put("seconds", trainSecs);
            if (!Double.isNaN(recall)) row.put("validationSeconds", validationSecs);
            if (skipped > 0) row.put("skippedSteps", skipped);
            history.add(row);
            if (cfg.patience() > 0 && sinceBest >= cfg.patience()) {
                stop = "no better validation Recall@10 for " + cfg.patience() + " validations";
                break;
            }
            if (outOfTime) {
                stop = "time budget of " + cfg.maxMinutes() + " minutes";
                break;
            }
        }
        int epochsRun = Math.min(epoch, cfg.epochs());
        listener.onMessage(String.format(java.util.Locale.ROOT, "stopped after %d epochs (%s); keeping epoch %d, validation Recall@10 %.4f",
                epochsRun, stop, bestEpoch, best));
        if (bestWeights != null) model.params().restore(bestWeights);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("epochsRun", epochsRun);
        metrics.put("stoppedBy", stop);
        metrics.put("bestEpoch", bestEpoch);
        metrics.put("validationRecall@10", best);
        metrics.put("validationUsers", validation.size());
        metrics.put("trainingTargets", targets);
        metrics.put("parameters", model.params().size());
        metrics.put("trainSeconds", (System.nanoTime() - start) / 1e9);
        metrics.put("history", history);
        return new Result(model, metrics);
    }

    private List<EvalCase> validationCases(Interactions data, SplittableRandom rnd) {
        List<EvalCase> all = LeaveOneOutSplit.cases(data, Split.VALIDATION, cfg.maxHistory()).cases();
        if (cfg.validationUsers() == 0 || cfg.validationUsers() >= all.size()) return all;
        int[] pick = Arrays.copyOf(Permutation.of(all.size(), new SplittableRandom(cfg.seed() ^ 0x5DEECE66DL)), cfg.validationUsers());
        Arrays.sort(pick);
        List<EvalCase> out = new ArrayList<>(pick.length);
        for (int i : pick) out.add(all.get(i));
        return out;
    }

    /**
     * Scales all gradients by clip / ‖g‖ when the global norm ‖g‖ exceeds the clip norm; false
     * when ‖g‖ is not finite (the step must be skipped: one inf or NaN would reach every weight).
     */
    private boolean clip(List<NDArray> weights) {
        NDArray sq = null;
        for (NDArray w : weights) {
            NDArray s = w.getGradient().square().sum();
            sq = sq == null ? s : sq.add(s);
        }
        double norm = Math.sqrt(sq.getFloat());
        if (!Double.isFinite(norm)) return false;
        if (cfg.clipNorm() > 0 && norm > cfg.clipNorm()) {
            float f = (float) (cfg.clipNorm() / norm);
            for (NDArray w : weights) w.getGradient().muli(f);
        }
        return true;
    }
}
