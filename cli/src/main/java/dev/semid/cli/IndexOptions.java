package dev.semid.cli;

import dev.semid.index.IndexModel;
import dev.semid.index.SidIndexBuilder;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.io.PayloadReader;
import dev.semid.tokenizer.sid.SemanticId;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How IDs go into a Lucene index: shared by `index build` and `tokenize --index`. */
final class IndexOptions {
    @Option(names = "--reindex", description = "The index was built for another model: empty it and rebuild for this one.")
    boolean reindex;
    @Option(names = "--payload", paramLabel = "FILE",
            description = "TSV/CSV with a header, item id first: the other columns are stored per item as a JSON object (e.g. items.tsv).")
    Path payload;
    @Option(names = "--payload-columns", split = ",", paramLabel = "COL", description = "Only these payload columns (default all).")
    List<String> payloadColumns = List.of();
    @Option(names = "--commit-every", defaultValue = "100000", paramLabel = "N",
            description = "Commit every N items, so a killed build keeps its last commit (default ${DEFAULT-VALUE}; 0 = at the end only).")
    int commitEvery;
    @Option(names = "--index-batch", defaultValue = "10000", paramLabel = "N", description = "Items per index update (default ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--index-ram-mb", defaultValue = "256", paramLabel = "MB",
            description = "Lucene's indexing buffer: larger means fewer, bigger segments to merge (default ${DEFAULT-VALUE}).")
    double ramMb;
    @Option(names = "--no-merge", negatable = true, defaultValue = "true",
            description = "Merge the index into one segment at the end of a build (faster lookups, fewer bytes; on by default).")
    boolean merge;

    /** Writes ids → sids into {@code dir} for {@code model}; prints what it did. */
    long build(Path dir, IndexModel model, List<String> ids, List<SemanticId> sids, ProgressBar progress, Output out) {
        Map<String, String> payloads = payload == null ? Map.of() : PayloadReader.read(payload, payloadColumns);
        SidIndexBuilder.Settings settings = new SidIndexBuilder.Settings(batch, commitEvery, merge);
        long t0 = System.nanoTime();
        long items;
        try (SidIndexWriter w = SidIndexWriter.open(dir, model, reindex, ramMb)) {
            items = SidIndexBuilder.build(w, ids, sids, payloads, settings, (d, n) -> progress.task("indexing", d, n));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.result().printf("index %s: %d items written (%.0f items/s), %d in the index, model %s%n", dir, ids.size(), ids.size() / s, items,
                model.fingerprint());
        return items;
    }
}
