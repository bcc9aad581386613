package dev.semid.cli;

import dev.semid.tokenizer.io.EmbeddingColumns;
import picocli.CommandLine.Option;

/** Which columns of a Parquet embeddings file hold the item id and the vector. */
final class ColumnOptions {
    @Option(names = "--id-column", paramLabel = "NAME",
            description = "Item id column of Parquet embeddings (default: id, else item_id).")
    String id;

    @Option(names = "--embedding-column", paramLabel = "NAME",
            description = "Vector column of Parquet embeddings, a list of float or double (default: embedding, else embeddings, vector, emb).")
    String embedding;

    EmbeddingColumns columns() { return new EmbeddingColumns(id, embedding); }
}
