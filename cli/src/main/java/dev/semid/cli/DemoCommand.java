package dev.semid.cli;

import ai.djl.Device;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.index.IndexModel;
import dev.semid.index.PrefixChild;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexReader;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.NpyWriter;
import dev.semid.tokenizer.model.ModelArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The main job end to end: train a tokenizer, save it, load it back, tokenize every item, write IDs and metrics,"
                + " build the Lucene ID index and look items up in it.",
                "Without --input it uses a built-in deterministic synthetic catalogue (5,000 clustered unit vectors, 64-d,"
                        + " 16 topics × 8 sub-topics, seed 7), and RQ-VAE for " + "40 epochs unless --epochs is given."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", description = "Use these embeddings instead of the synthetic catalogue.")
    Path input;
    @Option(names = "--ids", paramLabel = "FILE", description = "Item ids aligned with --input rows.")
    Path ids;
    @Option(names = "--id-base", defaultValue = "0", description = "Row r gets id r+N when there are no ids (default ${DEFAULT-VALUE}).")
    long idBase;
    @Mixin ColumnOptions columns;
    @Option(names = "--items", defaultValue = "5000", description = "Synthetic catalogue size (default ${DEFAULT-VALUE}).")
    int items;
    @Option(names = "--dim", defaultValue = "64", description = "Synthetic embedding dimension (default ${DEFAULT-VALUE}).")
    int dim;
    @Option(names = "--work", defaultValue = "runs/demo", paramLabel = "DIR",
            description = "Where the model, IDs and metrics go (default ${DEFAULT-VALUE}).")
    Path work;
    @Mixin TrainOptions train;
    @Mixin CollisionOptions collisions;
    @Mixin IndexOptions indexing;
    @Mixin RunOptions run;

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    /** The demo should finish in about a minute: fewer epochs unless asked for more. */
    static final int DEMO_EPOCHS = 40;

    @Override public Integer call() throws Exception {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) train.epochs = DEMO_EPOCHS;
        EmbeddingSet set = input != null ? EmbeddingReader.read(input, ids, idBase, columns.columns())
                : SyntheticCatalogue.generate(items, dim, 16, 8, 7);
        Output output = run.output();
        // The steps' own result lines are the demo's narrative; its result is the final lookup.
        Output steps = new Output(output.detail(), false);
        output.detail().printf("catalogue: %s, %d items × %d dims%n", input != null ? input : "synthetic (built in)", set.size(), set.dimension());
        if (input == null) {
            Path npy = work.resolve("catalogue.npy");
            NpyWriter.write(npy, set.vectors());
            output.detail().println("synthetic catalogue written to " + npy + " (row r = item r+1)");
        }
        Device dev = run.device();
        ProgressBar progress = run.progress();
        Path modelDir = work.resolve("model");
        output.detail().println("\n== train");
        Pipeline.trainAndSave(train, set, dev, collisions.config(), modelDir, progress, steps);
        output.detail().println("\n== tokenize (model loaded back from " + modelDir + ")");
        Path indexDir = work.resolve("index");
        try (Tokenizer t = Tokenizers.open(ModelArtifact.load(modelDir), dev)) {
            Path out = work.resolve("sids.jsonl");
            Tokenization.Result r = Pipeline.tokenizeAndWrite(t, set, collisions.config(), out, Pipeline.defaultMetricsFile(out), progress, steps);
            output.detail().println("\n== index (Lucene, " + indexDir + ")");
            indexing.reindex = true; // the demo retrains: its index always follows the new model
            indexing.build(indexDir, IndexModel.of(t), r.ids(), r.sids(), progress, steps);
        }
        try (SidIndexReader index = SidIndexReader.open(indexDir, null)) {
            String first = set.ids().get(0);
            SidEntry e = index.read(l -> l.item(first)).orElseThrow();
            List<PrefixChild> top = index.read(l -> l.children(""));
            PrefixChild biggest = top.stream().max(java.util.Comparator.comparingLong(PrefixChild::count)).orElseThrow();
            output.result().printf("lookup item %s → %s; %d first-level codes in use, the largest (%s) holds %d items with %d children%n",
                    first, e.sid(), top.size(), biggest.prefix(), biggest.count(), index.read(l -> l.children(biggest.prefix())).size());
        }
        output.detail().println("\nnext: ./semid inspect " + modelDir + "\n      ./semid lookup children " + "--index " + indexDir
                + "\n      ./semid lookup item " + set.ids().get(0) + " --index " + indexDir + "\n      ./semid tokenize --model " + modelDir
                + " --input " + (input != null ? input : work.resolve("catalogue.npy") + " --id-base 1") + " --out ids.csv");
        return 0;
    }
}
