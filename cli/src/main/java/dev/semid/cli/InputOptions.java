package dev.semid.cli;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.EmbeddingReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Where embeddings and item ids come from. */
final class InputOptions {
    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "Embeddings: .npy (float32/float64, C order, 2-D), .fvecs, JSONL {\"id\": ..., \"embedding\": [...]},"
                    + " or .parquet (an id column and a list<float> column).")
    Path input;

    @Option(names = "--ids", paramLabel = "FILE", description = "Item ids, one per line, aligned with the rows (not with JSONL or Parquet).")
    Path ids;

    @Option(names = "--id-base", defaultValue = "0", paramLabel = "N",
            description = "Without --ids or JSONL/Parquet ids, row r gets id r+N (default ${DEFAULT-VALUE}; 1 for Amazon Beauty).")
    long idBase;

    @Mixin ColumnOptions columns;

    EmbeddingSet read() { return EmbeddingReader.read(input, ids, idBase, columns.columns()); }
}
