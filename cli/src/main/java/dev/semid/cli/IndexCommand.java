package dev.semid.cli;

import dev.semid.index.IndexModel;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.sid.SemanticId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = "The Lucene semantic-ID index: build it from `semid tokenize` output, show it, delete items.",
        subcommands = {IndexCommand.Build.class, IndexCommand.Info.class, IndexCommand.Delete.class})
final class IndexCommand implements Runnable {
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    @Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Upsert every (item, ID) of a `semid tokenize` output (.jsonl, .csv, .tsv, .parquet) into an index.",
                    "The model's fingerprint is recorded; an index of another model is refused unless --reindex."})
    static final class Build implements Callable<Integer> {
        @Option(names = "--sids", required = true, paramLabel = "FILE|DIR",
                description = "IDs from `semid tokenize --out`, or a directory of parts (the Spark job's output).")
        Path sids;
        @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "The model that made the IDs.")
        Path model;
        @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (created if missing).")
        Path index;
        @Mixin IndexOptions options;
        @Mixin RunOptions run;

        @Override public Integer call() {
            IndexModel m = IndexModel.of(ModelArtifact.load(model));
            SidReader.Rows rows = SidReader.read(sids);
            for (int i = 0; i < rows.size(); i++) {
                SemanticId sid = rows.sids().get(i);
                try {
                    m.check(sid);
                } catch (IllegalArgumentException e) {
                    throw new InputException(sids.toString(), "item '" + rows.ids().get(i) + "'", e.getMessage() + " (model " + model + ")");
                }
            }
            options.build(index, m, rows.ids(), rows.sids(), run.progress(), run.output());
            return 0;
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Model, ID format, items, bytes on disk and commit data of an index, as JSON.")
    static final class Info implements Callable<Integer> {
        @Option(names = "--index", required = true, paramLabel = "DIR") Path index;

        @Override public Integer call() {
            try (SidIndexReader r = SidIndexReader.open(index, null)) {
                System.out.println(Json.text(r.stats()));
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete items from an index (one commit).")
    static final class Delete implements Callable<Integer> {
        @Option(names = "--index", required = true, paramLabel = "DIR") Path index;
        @Parameters(paramLabel = "ITEM", arity = "1..*", description = "Item ids.") List<String> items;

        @Override public Integer call() {
            IndexModel m;
            try (SidIndexReader r = SidIndexReader.open(index, null)) {
                m = r.model();
            }
            try (SidIndexWriter w = SidIndexWriter.open(index, m, false)) {
                int found = w.delete(items);
                w.commit();
                System.out.println(Json.text(java.util.Map.of("deleted", found, "notFound", items.size() - found)));
            }
            return 0;
        }
    }
}
