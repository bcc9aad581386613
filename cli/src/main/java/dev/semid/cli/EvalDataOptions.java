package dev.semid.cli;

import dev.semid.eval.io.IdSetReader;
import dev.semid.eval.quality.IdSet;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The item data both eval commands read: embeddings (optional) and semantic-ID files. */
final class EvalDataOptions {
    @Option(names = "--embeddings", paramLabel = "FILE", description = "Item embeddings (.npy, .fvecs, .jsonl, .parquet); row r of .npy/.fvecs is item r + --id-base.")
    Path embeddings;
    @Option(names = "--ids", paramLabel = "FILE", description = "Item ids of the embedding rows, one per line (instead of --id-base).")
    Path embeddingIds;
    @Mixin ColumnOptions columns;
    @Option(names = "--id-base", defaultValue = "0", paramLabel = "N",
            description = "Item id of embedding row 0 and of key \"0\" in a published .json ID file (default ${DEFAULT-VALUE}; 1 for Amazon Beauty).")
    long idBase;
    @Option(names = "--sids", paramLabel = "[NAME=]FILE", converter = NamedPath.Converter.class,
            description = "Semantic IDs: ours (.jsonl/.csv/.tsv/.parquet from `semid tokenize`) or published token form (.json). Repeatable.")
    List<NamedPath> sids = new ArrayList<>();
    @Option(names = "--codebook-size", defaultValue = "256", paramLabel = "K", description = "Codes per level of --sids files (default ${DEFAULT-VALUE}).")
    int codebookSize;

    /** The embeddings, or null when none were given. */
    EmbeddingSet readEmbeddings() {
        return embeddings == null ? null : EmbeddingReader.read(embeddings, embeddingIds, idBase, columns.columns());
    }

    /** An ID set and the file it came from (for errors that name the file). */
    record LoadedIds(IdSet ids, String file) {}

    /** Every --sids file, named NAME or after the file, prefixed by {@code namePrefix}. */
    List<LoadedIds> readIdSets(String namePrefix) {
        List<LoadedIds> out = new ArrayList<>();
        for (NamedPath p : sids)
            out.add(new LoadedIds(IdSetReader.read(namePrefix + p.name(), p.path(), idBase, codebookSize), p.path().toString()));
        return out;
    }
}
