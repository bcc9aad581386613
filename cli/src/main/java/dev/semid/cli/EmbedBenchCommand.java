package dev.semid.cli;

import dev.semid.lab.bench.EmbedBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code semid bench embed}: the options of {@link EmbedBench}. */
@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark text embedding: texts/s of `semid embed` beside one text per call and one thread, the FLOPs per text,",
                "and every embedding's cosine to a reference made with the same model in Python."})
final class EmbedBenchCommand implements Callable<Integer> {
    @Option(names = "--catalogue", defaultValue = "../shared/data/beauty/items.tsv", paramLabel = "FILE",
            description = "Item texts (default ${DEFAULT-VALUE}).")
    Path catalogue;
    @Option(names = "--text", defaultValue = "{text}", paramLabel = "TEMPLATE", description = "Text template (default ${DEFAULT-VALUE}).")
    String text;
    @Option(names = "--reference", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE",
            description = "Reference embeddings, row r = item r+1; skipped if missing (default ${DEFAULT-VALUE}).")
    Path reference;
    @Option(names = "--baseline-items", defaultValue = "2000", paramLabel = "N",
            description = "Texts the one-per-call and one-thread runs embed (default ${DEFAULT-VALUE}).")
    int baselineItems;

    @Override public Integer call() {
        if (baselineItems < 1) throw new IllegalArgumentException("--baseline-items must be >= 1");
        new EmbedBench(new EmbedBench.Settings(catalogue, text, reference, baselineItems)).run(System.out);
        return 0;
    }
}
