package dev.semid.lab.simulation;

import java.util.Locale;

/**
 * The methods of the simulation, each with the paper's learning rate and its published figures
 * at μ = 8 after 2,000 steps (from the authors' released result files; the linear row's W2 is
 * not reported there, the script logs a stale value).
 */
public enum SimulationMethod {
    VANILLA("vanilla", VanillaVq.LR, new Published(1.0 / 16_384, 8.0, 1.0, 22.67)),
    EMA("ema", Double.NaN, new Published(0.0008, 5.09, 12.97, 22.76)),
    ONLINE("online", OnlineClusteringVq.LR, new Published(0.2327, 1.40, 3617.5, 2.19)),
    LINEAR("linear", LinearVq.LR, new Published(0.0770, 2.25, 697.4, Double.NaN)),
    WASSERSTEIN("wasserstein", WassersteinVq.LR, new Published(0.9940, 1.04, 14714.2, 0.0185));

    /** A published row: utilisation as a fraction, quantization error, perplexity, W2 (NaN: not reported). */
    public record Published(double utilisation, double quantizationError, double perplexity, double w2) {}

    private final String id;
    private final double defaultLearningRate;
    private final Published published;

    SimulationMethod(String id, double lr, Published published) {
        this.id = id;
        this.defaultLearningRate = lr;
        this.published = published;
    }

    public String id() { return id; }

    /** NaN for EMA, which has no learning rate. */
    public double defaultLearningRate() { return defaultLearningRate; }

    public Published published() { return published; }

    public static SimulationMethod parse(String s) {
        String key = s.trim().toLowerCase(Locale.ROOT);
        for (SimulationMethod m : values()) if (m.id.equals(key)) return m;
        throw new IllegalArgumentException("unknown method '" + s + "'; expected one of vanilla, ema, online, linear, wasserstein");
    }

    /** A fresh quantizer on the initial codebook (K × d, row-major). lr is ignored by EMA. */
    SimulatedQuantizer create(float[] init, int k, int d, double lr, long seed) {
        return switch (this) {
            case VANILLA -> new VanillaVq(init, k, d, lr);
            case EMA -> new EmaVq(init, k, d);
            case ONLINE -> new OnlineClusteringVq(init, k, d, lr);
            case LINEAR -> new LinearVq(init, k, d, lr, seed);
            case WASSERSTEIN -> new WassersteinVq(init, k, d, lr);
        };
    }
}
