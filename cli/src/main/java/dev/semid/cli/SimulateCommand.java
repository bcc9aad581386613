package dev.semid.cli;

import dev.semid.lab.simulation.Evaluation;
import dev.semid.lab.simulation.MethodResult;
import dev.semid.lab.simulation.SimulationConfig;
import dev.semid.lab.simulation.SimulationMethod;
import dev.semid.lab.simulation.VqSimulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The controlled simulation of Wasserstein VQ (arXiv 2506.15078) with our figures beside the
 * published ones. The published figures belong to the paper's setup (the defaults here); with
 * other settings they are shown for orientation only.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce the controlled simulation of Wasserstein VQ (arXiv 2506.15078): a codebook initialised N(0, I),"
                + " features N(μ·1, I); each method learns the codebook from fresh samples every step.",
                "Prints utilisation, quantization error, perplexity and W2 per method beside the published table."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--steps", defaultValue = "" + SimulationConfig.STEPS, description = "Training steps (default ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--samples", defaultValue = "" + SimulationConfig.SAMPLES_PER_STEP,
            description = "Fresh samples per training step (default ${DEFAULT-VALUE}).")
    int samples;
    @Option(names = "--codes", defaultValue = "" + SimulationConfig.CODES, description = "Codebook size K (default ${DEFAULT-VALUE}).")
    int codes;
    @Option(names = "--shift", defaultValue = "" + SimulationConfig.SHIFT, paramLabel = "MU",
            description = "Feature mean μ on every coordinate (default ${DEFAULT-VALUE}).")
    double shift;
    @Option(names = "--dim", defaultValue = "" + SimulationConfig.DIM, description = "Dimension d (default ${DEFAULT-VALUE}).")
    int dim;
    @Option(names = "--eval-every", defaultValue = "" + SimulationConfig.EVAL_EVERY, description = "Steps between evaluations (default ${DEFAULT-VALUE}).")
    int evalEvery;
    @Option(names = "--eval-samples", defaultValue = "" + SimulationConfig.EVAL_SAMPLES,
            description = "Fresh samples per evaluation (default ${DEFAULT-VALUE}).")
    int evalSamples;
    @Option(names = "--seed", defaultValue = "" + SimulationConfig.SEED, description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--methods", split = ",", defaultValue = "vanilla,ema,online,wasserstein", paramLabel = "LIST",
            description = "Any of vanilla, ema, online, wasserstein, linear (default ${DEFAULT-VALUE}).")
    List<String> methods;
    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write config, results with trajectories, and the published figures as JSON.")
    Path out;
    @Option(names = "--quiet", description = "No per-evaluation progress (the figures are the result).")
    boolean quiet;

    @Override public Integer call() throws Exception {
        SimulationConfig cfg = new SimulationConfig(codes, dim, shift, samples, steps, evalEvery, evalSamples, seed);
        List<SimulationMethod> chosen = new ArrayList<>(new LinkedHashSet<>(methods.stream().map(SimulationMethod::parse).toList()));
        if (chosen.isEmpty()) throw new IllegalArgumentException("--methods is empty");
        boolean paperSetup = cfg.equals(SimulationConfig.paper().withSeed(seed));
        System.out.printf(Locale.ROOT, "simulate: K = %,d codes, d = %d, μ = %s, %,d samples × %,d steps, eval every %d steps on %,d samples, seed %d, %d cores%n",
                codes, dim, shift, samples, steps, evalEvery, evalSamples, seed, Runtime.getRuntime().availableProcessors());
        if (!paperSetup)
            System.out.println("  (not the paper's setup: the published figures are for K = 16,384, d = 8, μ = 8, 50,000 × 2,000 steps)");

        VqSimulation sim = new VqSimulation(cfg);
        VqSimulation.Listener progress = quiet ? VqSimulation.Listener.NONE : (m, e, secs) ->
                System.out.printf(Locale.ROOT, "  %-11s step %5d/%d  util %8.4f%%  qerr %8.3f  ppl %9.1f  W2 %8.4f  %7.1f s%n",
                        m, e.step(), steps, 100 * e.utilisation(), e.quantizationError(), e.perplexity(), e.w2(), secs);
        List<MethodResult> results = new ArrayList<>();
        for (SimulationMethod m : chosen) {
            MethodResult r = sim.run(m, progress);
            results.add(r);
            System.out.printf(Locale.ROOT, "%s: %.1f s%n", m.id(), r.seconds());
        }

        System.out.println();
        System.out.printf("%-12s %-19s %-17s %-19s %-17s %9s%n", "method", "utilisation", "quant. error", "perplexity",
                "W2", "seconds");
        System.out.printf("%-12s %-19s %-17s %-19s %-17s %9s%n", "", "ours / paper", "ours / paper", "ours / paper", "ours / paper", "");
        for (int i = 0; i < chosen.size(); i++) {
            MethodResult r = results.get(i);
            SimulationMethod.Published p = chosen.get(i).published();
            System.out.printf(Locale.ROOT, "%-12s %-19s %-17s %-19s %-17s %9.1f%n", r.method(),
                    pct(r.utilisation()) + " / " + pct(p.utilisation()),
                    num(r.quantizationError(), 2) + " / " + num(p.quantizationError(), 2),
                    num(r.perplexity(), 1) + " / " + num(p.perplexity(), 1),
                    num(r.w2(), 3) + " / " + num(p.w2(), 3),
                    r.seconds());
        }
        System.out.println("paper: arXiv 2506.15078, authors' released result files at step 2,000 (linear W2 not reported).");

        if (out != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("config", cfg);
            doc.put("paperSetup", paperSetup);
            doc.put("cores", Runtime.getRuntime().availableProcessors());
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < chosen.size(); i++) rows.add(row(results.get(i), chosen.get(i).published()));
            doc.put("results", rows);
            Json.write(out, doc);
            System.out.println("wrote " + out);
        }
        return 0;
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
