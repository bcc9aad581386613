package dev.semid.lab.simulation;

/**
 * The controlled simulation of arXiv 2506.15078 (Wasserstein VQ): a codebook of {@code codes}
 * vectors in {@code dim} dimensions initialised i.i.d. N(0, 1); each of {@code steps} training
 * steps draws {@code samplesPerStep} fresh samples z ~ N(shift·1, I); every {@code evalEvery}
 * steps the codebook is scored on {@code evalSamples} fresh samples.
 * {@link #paper()} is the published setup: K = 16,384, d = 8, μ = 8, 50,000 samples a step,
 * 2,000 steps, evaluation every 100 steps on 200,000 samples.
 */
public record SimulationConfig(int codes, int dim, double shift, int samplesPerStep, int steps, int evalEvery,
                               int evalSamples, long seed) {
    public static final int CODES = 16_384, DIM = 8, SAMPLES_PER_STEP = 50_000, STEPS = 2_000, EVAL_EVERY = 100,
            EVAL_SAMPLES = 200_000;
    public static final double SHIFT = 8.0;
    public static final long SEED = 12;

    public SimulationConfig {
        if (codes < 2) throw new IllegalArgumentException("codes must be >= 2, got " + codes);
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if (!Double.isFinite(shift)) throw new IllegalArgumentException("shift must be finite, got " + shift);
        if (samplesPerStep < 2) throw new IllegalArgumentException("samplesPerStep must be >= 2, got " + samplesPerStep);
        if (steps < 1) throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        if (evalEvery < 1) throw new IllegalArgumentException("evalEvery must be >= 1, got " + evalEvery);
        if (evalSamples < 1) throw new IllegalArgumentException("evalSamples must be >= 1, got " + evalSamples);
        // Row-major float arrays of samples and codes are indexed by int.
        long biggest = (long) Math.max(Math.max(codes, samplesPerStep), evalSamples) * dim;
        if (biggest > Integer.MAX_VALUE - 8)
            throw new IllegalArgumentException("rows × dim = " + biggest + " does not fit in one array");
    }

    /** The published setup. */
    public static SimulationConfig paper() {
        return new SimulationConfig(CODES, DIM, SHIFT, SAMPLES_PER_STEP, STEPS, EVAL_EVERY, EVAL_SAMPLES, SEED);
    }

    public SimulationConfig withCodes(int k) { return new SimulationConfig(k, dim, shift, samplesPerStep, steps, evalEvery, evalSamples, seed); }
    public SimulationConfig withShift(double mu) { return new SimulationConfig(codes, dim, mu, samplesPerStep, steps, evalEvery, evalSamples, seed); }
    public SimulationConfig withSamplesPerStep(int n) { return new SimulationConfig(codes, dim, shift, n, steps, evalEvery, evalSamples, seed); }
    public SimulationConfig withSteps(int s) { return new SimulationConfig(codes, dim, shift, samplesPerStep, s, evalEvery, evalSamples, seed); }
    public SimulationConfig withEvalEvery(int e) { return new SimulationConfig(codes, dim, shift, samplesPerStep, steps, e, evalSamples, seed); }
    public SimulationConfig withEvalSamples(int e) { return new SimulationConfig(codes, dim, shift, samplesPerStep, steps, evalEvery, e, seed); }
    public SimulationConfig withSeed(long s) { return new SimulationConfig(codes, dim, shift, samplesPerStep, steps, evalEvery, evalSamples, s); }
}
