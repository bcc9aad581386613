package dev.semid.cli;

import dev.semid.index.IndexMigration;
import dev.semid.index.IndexModel;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.align.ModelLineage;
import dev.semid.tokenizer.io.IdMapWriter;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.sid.SemanticId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = "The Lucene semantic-ID index: build it from `semid tokenize` output, migrate it to a retrained model, show it, delete items.",
        subcommands = {IndexCommand.Build.class, IndexCommand.Migrate.class, IndexCommand.Info.class, IndexCommand.Delete.class})
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

    @Command(name = "migrate", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Switch an index to a retrained model in one commit: every item gets its ID from --sids (the new model's"
                    + " `semid tokenize` output); payloads and a service's stream offsets carry over; readers see the old IDs until the commit.",
                    "Writes the old → new ID map first (--map: .jsonl or .parquet; id, old, new; null where an item was added or dropped).",
                    "Refused unless the new model was trained with --align-to the index's model (or one of its descendants), or --force;"
                            + " refused when index items have no new ID, unless --drop-missing."})
    static final class Migrate implements Callable<Integer> {
        @Option(names = "--index", required = true, paramLabel = "DIR") Path index;
        @Option(names = "--model", required = true, paramLabel = "NEW_MODEL_DIR", description = "The retrained model.") Path model;
        @Option(names = "--sids", required = true, paramLabel = "FILE|DIR", description = "Every item's ID under the new model.") Path sids;
        @Option(names = "--map", paramLabel = "FILE", description = "Where the old → new map goes (default: INDEX_DIR.migration.jsonl beside the index).")
        Path map;
        @Option(names = "--force", description = "Migrate to a model that was not aligned to the index's model (every stored ID loses its meaning).")
        boolean force;
        @Option(names = "--drop-missing", description = "Drop index items that have no ID in --sids instead of refusing.") boolean dropMissing;
        @Mixin RunOptions run;

        @Override public Integer call() throws Exception {
            QuantizerModel next = ModelArtifact.load(model);
            String fingerprint = ModelFingerprint.of(next);
            String current;
            try (SidIndexReader r = SidIndexReader.open(index, null)) {
                current = r.model().fingerprint();
            }
            SidReader.Rows rows = SidReader.read(sids);
            Path mapFile = map != null ? map : index.toAbsolutePath().resolveSibling(index.getFileName() + ".migration.jsonl");
            IndexMigration.Options options = new IndexMigration.Options(ModelLineage.of(next).reaches(fingerprint, current), force, dropMissing);
            IndexMigration.Result r = IndexMigration.migrate(index, IndexModel.of(next), rows.ids(), rows.sids(), options,
                    changes -> IdMapWriter.write(mapFile, changes.stream().map(IndexMigration.Change::itemId).toList(),
                            changes.stream().map(IndexMigration.Change::oldSid).toList(), changes.stream().map(IndexMigration.Change::newSid).toList()));
            run.output().result().printf(java.util.Locale.ROOT, "index %s migrated from model %s to %s: %,d items (%,d IDs changed, %,d kept, %,d added, %,d dropped);"
                    + " old → new map → %s%n", index, r.fromModel(), r.toModel(), r.items(), r.changed(), r.unchanged(), r.added(), r.dropped(), mapFile);
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
