package dev.semid.lab.simulation;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.semid.tokenizer.math.GaussianW2;

import java.util.ArrayList;
import java.util.List;

/**
 * The controlled simulation of arXiv 2506.15078 as a benchmark: codebook C ~ N(0, I) (K × d),
 * features z ~ N(μ·1, I); each method learns C from fresh samples every step and is scored
 * every {@code evalEvery} steps on fresh samples (see {@link Evaluation}). All methods start
 * from the same codebook and see the same samples for a given seed; the nearest-code search is
 * exact ({@link NearestSearch}).
 */
public final class VqSimulation {
    /** Progress of a run. */
    public interface Listener {
        Listener NONE = (method, e, seconds) -> {};

        void onEvaluation(String method, Evaluation e, double elapsedSeconds);
    }

    private final SimulationConfig cfg;

    public VqSimulation(SimulationConfig cfg) {
        this.cfg = cfg;
    }

    public SimulationConfig config() { return cfg; }

    public MethodResult run(SimulationMethod method, Listener listener) {
        return run(method, method.defaultLearningRate(), listener);
    }

    /** Runs one method with the given learning rate (ignored by EMA). */
    public MethodResult run(SimulationMethod method, double learningRate, Listener listener) {
        if (method != SimulationMethod.EMA && !(learningRate > 0 && Double.isFinite(learningRate)))
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        int k = cfg.codes(), d = cfg.dim();
        Engine.getEngine("PyTorch").setRandomSeed((int) cfg.seed());
        // One PyTorch intra-op thread while it runs, restored after (OpenMP keeps the count per
        // thread): with two, a run's result now and then differed from other runs of the same seed
        // (1 of 40 runs here; 0 of 40 with one thread), and where the collapsed phase ends is a
        // tipping point: in one CI run of the scaled-down test the codebook never jumped.
        int threads = JniUtils.getNumThreads();
        JniUtils.setNumThreads(1);
        try {
            return runOn(method, learningRate, listener, k, d);
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    private MethodResult runOn(SimulationMethod method, double learningRate, Listener listener, int k, int d) {
        float[] init = SampleStream.gaussian(cfg.seed(), SampleStream.INIT, 0, k, d, 0);
        long t0 = System.nanoTime();
        List<Evaluation> trajectory = new ArrayList<>();
        try (SimulatedQuantizer q = method.create(init, k, d, learningRate, cfg.seed())) {
            record(q, 0, method, trajectory, listener, t0);
            for (int step = 1; step <= cfg.steps(); step++) {
                q.step(SampleStream.gaussian(cfg.seed(), SampleStream.TRAIN, step, cfg.samplesPerStep(), d, cfg.shift()));
                if (step % cfg.evalEvery() == 0 || step == cfg.steps()) record(q, step, method, trajectory, listener, t0);
            }
        }
        double lr = method == SimulationMethod.EMA ? Double.NaN : learningRate;
        return MethodResult.of(method.id(), lr, (System.nanoTime() - t0) / 1e9, trajectory);
    }

    private void record(SimulatedQuantizer q, int step, SimulationMethod method, List<Evaluation> out, Listener listener, long t0) {
        float[] z = SampleStream.gaussian(cfg.seed(), SampleStream.EVAL, step, cfg.evalSamples(), cfg.dim(), cfg.shift());
        Evaluation e = evaluate(step, q.codebook(), cfg.codes(), z, cfg.evalSamples(), cfg.dim());
        out.add(e);
        listener.onEvaluation(method.id(), e, (System.nanoTime() - t0) / 1e9);
    }

    /** Scores a codebook (K × d) on m samples (m × d); see {@link Evaluation}. */
    public static Evaluation evaluate(int step, float[] codebook, int k, float[] samples, int m, int d) {
        int[] idx = new int[m];
        float[] dist = new float[m];
        NearestSearch.build(codebook, k, d).nearest(samples, m, idx, dist);
        double err = 0;
        int[] counts = new int[k];
        for (int i = 0; i < m; i++) {
            err += dist[i];
            counts[idx[i]]++;
        }
        int used = 0;
        double entropy = 0;
        for (int c : counts) {
            if (c == 0) continue;
            used++;
            double p = c / (double) m;
            entropy -= p * Math.log(p);
        }
        double w2sq = GaussianW2.squared(GaussianW2.of(samples, m, d, 1, false, 0), GaussianW2.of(codebook, k, d, 1, false, 0));
        return new Evaluation(step, err / m, used / (double) k, Math.exp(entropy), Math.sqrt(w2sq));
    }
}
