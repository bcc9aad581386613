package dev.semid.cli;

import dev.semid.lab.ablation.Ablation;
import dev.semid.lab.ablation.Recipe;
import dev.semid.lab.ablation.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code semid compare ablation}: the options of {@link Ablation}; writes its report and the JSON beside it. */
@Command(name = "ablation", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Wasserstein and GRIT against RQ-VAE and RQ-KMeans: heuristics on and off, larger codebooks, several seeds,",
                "the same tuning budget per method. Finished cells are cached in --work: a rerun resumes."})
final class CompareAblationCommand implements Callable<Integer> {
    @Mixin ComparisonOptions compared;
    @Option(names = "--regimes", defaultValue = "a,b,c1024,c4096", split = ",",
            description = "a (3 × 256, heuristics on), b (3 × 256, off), c1024 and c4096 (2 levels, off) (default ${DEFAULT-VALUE}).")
    List<String> regimes;
    @Option(names = "--seeds", defaultValue = "1,2,3", split = ",", description = "Seeds per cell (default ${DEFAULT-VALUE}).")
    List<Long> seeds;
    @Option(names = "--lrs", defaultValue = "1e-3,3e-3", split = ",", description = "Learning rates of the tuning grid (default ${DEFAULT-VALUE}).")
    List<Double> learningRates;
    @Option(names = "--weight-factor", defaultValue = "4", description = "The grid tries each method's weight at its default and this many times it (default ${DEFAULT-VALUE}).")
    double weightFactor;
    @Option(names = "--radii", defaultValue = "classic,constant,power", split = ",",
            description = "GRIT radius variants beside saturating, run in the tuning regime on the first file (default ${DEFAULT-VALUE}).")
    List<String> radii;
    @Option(names = "--tuning-regime", defaultValue = "b", description = "Regime the grid is searched in (default ${DEFAULT-VALUE}).")
    String tuningRegime;
    @Option(names = "--epochs", defaultValue = "40", description = "Maximum epochs per run (default ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--patience", defaultValue = "8", description = "Early-stopping patience (default ${DEFAULT-VALUE}).")
    int patience;
    @Option(names = "--work", defaultValue = "runs/ablation", paramLabel = "DIR", description = "Cache of finished cells (default ${DEFAULT-VALUE}).")
    Path work;
    @Option(names = "--out", defaultValue = "docs/results/ablation.md", paramLabel = "FILE", description = "Markdown report (default ${DEFAULT-VALUE}); JSON beside it.")
    Path out;
    @Mixin RunOptions run;

    Ablation.Settings settings() {
        Recipe d = Recipe.defaults();
        return Ablation.Settings.builder().data(compared.data).embeddings(compared.embeddings)
                .regimes(regimes.stream().map(Regime::named).toList()).methods(compared.methods).seeds(seeds).learningRates(learningRates)
                .weightFactor(weightFactor).radii(radii).tuningRegime(tuningRegime)
                .recipe(new Recipe(epochs, patience, d.batchSize(), d.hidden(), d.latentDim(), d.kmeansIterations()))
                .work(work).device(run.device()).listener(run.progress()).build();
    }

    @Override public Integer call() throws Exception {
        Ablation.Settings settings = settings();
        Ablation.Result result = new Ablation(settings).run(System.err);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recipe", settings.recipe());
        json.put("seeds", settings.seeds());
        json.put("regimes", settings.regimes());
        json.put("tuning", result.tuning());
        json.put("cells", result.cells());
        MarkdownReport.write(out, result.markdown(), json, run.output());
        return 0;
    }
}
