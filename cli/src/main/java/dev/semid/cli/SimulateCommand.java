package dev.semid.cli;

import dev.semid.lab.simulation.PaperSimulation;
import dev.semid.lab.simulation.SimulationConfig;
import dev.semid.lab.simulation.SimulationMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code semid simulate}: the options of {@link PaperSimulation}, which runs the simulation and prints its table. */
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
        PaperSimulation.Result result = new PaperSimulation(settings()).run(System.out);
        if (out != null) {
            Json.write(out, result.document());
            System.out.println("wrote " + out);
        }
        return 0;
    }

    PaperSimulation.Settings settings() {
        SimulationConfig config = new SimulationConfig(codes, dim, shift, samples, steps, evalEvery, evalSamples, seed);
        List<SimulationMethod> chosen = new ArrayList<>(new LinkedHashSet<>(methods.stream().map(SimulationMethod::parse).toList()));
        if (chosen.isEmpty()) throw new IllegalArgumentException("--methods is empty");
        return PaperSimulation.Settings.builder().config(config).methods(chosen).progress(!quiet).build();
    }
}
