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
import dev.semid.tokenizer.io.EmbeddingWriter;
import dev.semid.embed.SentenceEncoder;
import dev.semid.tokenizer.model.ModelArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
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
    @Option(names = "--catalogue", arity = "0..1", fallbackValue = "", paramLabel = "FILE",
            description = {"Start from item text: embed this catalogue (.jsonl, .csv, .tsv, .parquet; see `semid embed`) with the built-in sentence model first.",
                    "Without a file: Amazon Beauty's item texts (" + BEAUTY_TEXTS + ") when they are there, else a built-in 2,000-item product catalogue."})
    String catalogue;
    @Mixin EmbedOptions embed;
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

    static final String BEAUTY_TEXTS = "../shared/data/beauty/items.tsv";

    /** The demo should finish in about a minute: fewer epochs unless asked for more. */
    static final int DEMO_EPOCHS = 40;

    @Override public Integer call() throws Exception {
        if (!spec.commandLine().getParseResult().hasMatchedOption("--epochs")) train.epochs = DEMO_EPOCHS;
        if (catalogue != null && input != null) throw new IllegalArgumentException("give --catalogue (text) or --input (embeddings), not both");
        Output output = run.output();
        // The steps' own result lines are the demo's narrative; its result is the final lookup.
        Output steps = new Output(output.detail(), false);
        EmbeddingSet set;
        String source;
        if (catalogue != null) {
            Path file = !catalogue.isEmpty() ? Path.of(catalogue) : Files.exists(Path.of(BEAUTY_TEXTS)) ? Path.of(BEAUTY_TEXTS) : null;
            source = file != null ? file.toString() : "built-in product titles";
            output.detail().println("== embed (" + source + ")");
            var texts = file != null ? CatalogueEmbedding.texts(file, embed.idField, embed.template()) : BuiltInTexts.generate(2000);
            var model = embed.model();
            CatalogueEmbedding.Result r;
            try (SentenceEncoder encoder = SentenceEncoder.open(model, embed.config())) {
                r = CatalogueEmbedding.embed(texts, encoder, run.progress());
            }
            set = r.embeddings();
            output.detail().println(r.summary(model.name()));
            List<Path> written = EmbeddingWriter.write(work.resolve("catalogue.npy"), set);
            output.detail().println("embeddings written to " + String.join(" + ", written.stream().map(Path::toString).toList()) + "\n");
        } else {
            set = input != null ? EmbeddingReader.read(input, ids, idBase, columns.columns()) : SyntheticCatalogue.generate(items, dim, 16, 8, 7);
            source = input != null ? input.toString() : "synthetic (built in)";
        }
        output.detail().printf("catalogue: %s, %d items × %d dims%n", source, set.size(), set.dimension());
        if (input == null && catalogue == null) {
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
                + " --input " + (input != null ? input : catalogue != null ? work.resolve("catalogue.npy") + " --ids " + work.resolve("catalogue.ids.txt")
                : work.resolve("catalogue.npy") + " --id-base 1") + " --out ids.csv");
        return 0;
    }
}
