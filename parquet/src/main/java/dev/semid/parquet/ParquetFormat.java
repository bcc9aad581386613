package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.EmbeddingColumns;
import dev.semid.tokenizer.io.FileFormat;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** {@code .parquet} for the tokenizer's readers and writers (registered in META-INF/services). */
public final class ParquetFormat implements FileFormat {
    /** Row groups of this many bytes (before compression) bound a writer's buffer; readers hold one at a time. */
    static final long ROW_GROUP_BYTES = 64L << 20;

    @Override public List<String> extensions() { return List.of(".parquet"); }

    @Override public EmbeddingSet readEmbeddings(Path file, EmbeddingColumns columns) {
        return ParquetEmbeddingReader.read(file, columns);
    }

    @Override public void writeEmbeddings(Path target, EmbeddingSet set) throws IOException {
        ParquetEmbeddingWriter.write(target, set);
    }

    @Override public void readSids(Path file, SidReader.RowSink rows) {
        ParquetSidReader.read(file, rows);
    }

    @Override public void writeSids(Path target, List<String> ids, List<SemanticId> sids) throws IOException {
        ParquetSidWriter.write(target, ids, sids);
    }

    @Override public void writeIdMap(Path target, List<String> ids, List<SemanticId> oldSids, List<SemanticId> newSids) throws IOException {
        ParquetIdMapWriter.write(target, ids, oldSids, newSids);
    }

    @Override public CatalogueReader.Summary readCatalogue(Path file, String idFieldOrNull, CatalogueReader.Row row) {
        return ParquetCatalogueReader.read(file, idFieldOrNull, row);
    }
}
