package dev.semid.cli;

import dev.semid.lab.compare.RetrainChurn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code semid compare churn}: the options of {@link RetrainChurn}; writes its table and the JSON beside it. */
@Command(name = "churn", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"What a retrain does to the IDs, aligned (train --align-to) and not: a retrain with another seed, and one on a",
                "grown catalogue; the share of old items keeping their level-1 code, 2-level prefix, tuple and full ID."})
final class CompareChurnCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE",
            description = "Embeddings (default ${DEFAULT-VALUE}).")
    Path input;
    @Option(names = "--methods", defaultValue = "rqkmeans,rqvae", split = ",", description = "Quantizers (default ${DEFAULT-VALUE}).")
    List<String> methods;
    @Option(names = "--old-seed", defaultValue = "1", description = "Seed of the old model (default ${DEFAULT-VALUE}).") long oldSeed;
    @Option(names = "--new-seed", defaultValue = "2", description = "Seed of the retrain (default ${DEFAULT-VALUE}).") long newSeed;
    @Option(names = "--epochs", defaultValue = "60", description = "RQ-VAE epoch budget (default ${DEFAULT-VALUE}).") int epochs;
    @Option(names = "--grown-from", defaultValue = "10000",
            description = "The grown scenario's old model sees the first N items, the retrain all; 0 skips it (default ${DEFAULT-VALUE}).")
    int grownFrom;
    @Option(names = "--out", paramLabel = "FILE", description = "Markdown table to write (JSON beside it); printed either way.") Path out;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        RetrainChurn.Settings s = new RetrainChurn.Settings(input, methods, oldSeed, newSeed, epochs, grownFrom, run.device(), run.progress());
        List<RetrainChurn.Row> rows = new RetrainChurn(s).run(System.err);
        String table = RetrainChurn.markdown(rows);
        if (out == null) {
            run.output().result().print(table);
            return 0;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("input", input.toString());
        json.put("oldSeed", oldSeed);
        json.put("newSeed", newSeed);
        json.put("epochs", epochs);
        json.put("grownFrom", grownFrom);
        json.put("rows", RetrainChurn.json(rows));
        MarkdownReport.write(out, table, json, run.output());
        return 0;
    }
}
