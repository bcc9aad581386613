package dev.semid.cli;

import ai.djl.Device;
import dev.semid.lab.compare.MethodComparison;
import dev.semid.lab.compare.TrainingRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code semid compare}: the options of {@link MethodComparison}, which trains and measures the
 * methods; this writes its Markdown report and the JSON beside it.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, subcommands = {CompareAblationCommand.class, CompareChurnCommand.class},
        description = {"Train and measure several methods on Amazon Beauty; write docs/results/methods-beauty.md.",
                "Same seed, epochs and architecture for every method; the published reference IDs are measured alongside."})
final class CompareCommand implements Callable<Integer> {
    @Mixin ComparisonOptions compared;
    @Option(names = "--report", defaultValue = "docs/results/methods-beauty.md", paramLabel = "FILE", description = "Markdown report (default ${DEFAULT-VALUE}); JSON beside it.")
    Path report;
    @Mixin TrainOptions train;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        MethodComparison.Result result = new MethodComparison(settings()).run(System.err);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", train.rqVaeConfigForReport());
        json.put("rows", result.rows());
        json.put("references", result.references());
        MarkdownReport.write(report, result.markdown(), json, run.output());
        return 0;
    }

    MethodComparison.Settings settings() {
        Device dev = run.device();
        ProgressBar progress = run.progress();
        return MethodComparison.Settings.builder().data(compared.data).methods(compared.methods).embeddings(compared.embeddings).device(dev)
                .trainer((method, x) -> {
                    train.method = method;
                    return train.train(x, dev, progress);
                })
                .recipe(new TrainingRecipe(train.seed, train.epochs, train.patience, train.batchSize, Arrays.stream(train.hidden).boxed().toList(),
                        train.latentDim))
                .build();
    }
}
