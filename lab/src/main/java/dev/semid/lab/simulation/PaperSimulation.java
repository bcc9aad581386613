package dev.semid.lab.simulation;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The simulation of Wasserstein VQ (arXiv 2506.15078) run method by method, with utilisation,
 * quantization error, perplexity and W2 printed beside the published table. The published
 * figures belong to the paper's setup ({@link SimulationConfig#paper()}); with other settings
 * they are shown for orientation only.
 */
public final class PaperSimulation {
    /**
     * @param config   the simulation (default: the paper's)
     * @param methods  methods in the order run and shown (default: vanilla, ema, online, wasserstein)
     * @param progress print a line per evaluation (default on)
     */
    public record Settings(SimulationConfig config, List<SimulationMethod> methods, boolean progress) {
        public Settings {
            methods = List.copyOf(methods);
        }

        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private SimulationConfig config = SimulationConfig.paper();
            private List<SimulationMethod> methods = List.of(SimulationMethod.VANILLA, SimulationMethod.EMA, SimulationMethod.ONLINE,
                    SimulationMethod.WASSERSTEIN);
            private boolean progress = true;

            private Builder() {}

            public Builder config(SimulationConfig v) { config = v; return this; }
            public Builder methods(List<SimulationMethod> v) { methods = v; return this; }
            public Builder progress(boolean v) { progress = v; return this; }

            public Settings build() { return new Settings(config, methods, progress); }
        }
    }

    /** Each method's run beside its published row; {@link #document()} is the JSON form. */
    public record Result(Settings settings, boolean paperSetup, List<MethodResult> results) {
        /** Config, whether it is the paper's setup, cores, and per method our figures with trajectory beside the published ones. */
        public Map<String, Object> document() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("config", settings.config());
            doc.put("paperSetup", paperSetup);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) rows.add(row(results.get(i), settings.methods().get(i).published()));
            doc.put("results", rows);
            return doc;
        }
    }

    private final Settings settings;

    public PaperSimulation(Settings settings) {
        this.settings = settings;
    }

    /** Runs every method, printing the setup, progress, per-method time and the table to {@code out}. */
    public Result run(PrintStream out) {
        SimulationConfig cfg = settings.config();
        boolean paperSetup = cfg.equals(SimulationConfig.paper().withSeed(cfg.seed()));
        out.printf(Locale.ROOT, "simulate: K = %,d codes, d = %d, μ = %s, %,d samples × %,d steps, eval every %d steps on %,d samples, seed %d, %d cores%n",
                cfg.codes(), cfg.dim(), cfg.shift(), cfg.samplesPerStep(), cfg.steps(), cfg.evalEvery(), cfg.evalSamples(), cfg.seed(),
                Runtime.getRuntime().availableProcessors());
        if (!paperSetup)
            out.println("  (not the paper's setup: the published figures are for K = 16,384, d = 8, μ = 8, 50,000 × 2,000 steps)");

        VqSimulation sim = new VqSimulation(cfg);
        VqSimulation.Listener progress = !settings.progress() ? VqSimulation.Listener.NONE : (m, e, secs) ->
                out.printf(Locale.ROOT, "  %-11s step %5d/%d  util %8.4f%%  qerr %8.3f  ppl %9.1f  W2 %8.4f  %7.1f s%n",
                        m, e.step(), cfg.steps(), 100 * e.utilisation(), e.quantizationError(), e.perplexity(), e.w2(), secs);
        List<MethodResult> results = new ArrayList<>();
        for (SimulationMethod m : settings.methods()) {
            MethodResult r = sim.run(m, progress);
            results.add(r);
            out.printf(Locale.ROOT, "%s: %.1f s%n", m.id(), r.seconds());
        }

        out.println();
        out.printf("%-12s %-19s %-17s %-19s %-17s %9s%n", "method", "utilisation", "quant. error", "perplexity",
                "W2", "seconds");
        out.printf("%-12s %-19s %-17s %-19s %-17s %9s%n", "", "ours / paper", "ours / paper", "ours / paper", "ours / paper", "");
        for (int i = 0; i < results.size(); i++) {
            MethodResult r = results.get(i);
            SimulationMethod.Published p = settings.methods().get(i).published();
            out.printf(Locale.ROOT, "%-12s %-19s %-17s %-19s %-17s %9.1f%n", r.method(),
                    pct(r.utilisation()) + " / " + pct(p.utilisation()),
                    num(r.quantizationError(), 2) + " / " + num(p.quantizationError(), 2),
                    num(r.perplexity(), 1) + " / " + num(p.perplexity(), 1),
                    num(r.w2(), 3) + " / " + num(p.w2(), 3),
                    r.seconds());
        }
        out.println("paper: arXiv 2506.15078, authors' released result files at step 2,000 (linear W2 not reported).");
        return new Result(settings, paperSetup, results);
    }

    private static Map<String, Object> row(MethodResult r, SimulationMethod.Published p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", r.method());
        m.put("learningRate", finite(r.learningRate()));
        m.put("utilisation", r.utilisation());
        m.put("quantizationError", r.quantizationError());
        m.put("perplexity", r.perplexity());
        m.put("w2", r.w2());
        m.put("seconds", r.seconds());
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("utilisation", p.utilisation());
        pub.put("quantizationError", p.quantizationError());
        pub.put("perplexity", p.perplexity());
        pub.put("w2", finite(p.w2()));
        m.put("published", pub);
        List<Evaluation> t = r.trajectory();
        m.put("trajectory", t);
        return m;
    }

    private static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    private static String pct(double v) {
        double p = 100 * v;
        return String.format(Locale.ROOT, p < 0.1 ? "%.3f%%" : p < 10 ? "%.2f%%" : "%.1f%%", p);
    }

    private static String num(double v, int decimals) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "—";
    }
}
