package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file format that another module adds, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.semid.tokenizer.io.FileFormat} entry). {@link EmbeddingReader},
 * {@link EmbeddingWriter}, {@link SidReader}, {@link SidWriter} and {@link CatalogueReader} hand
 * it the files whose extension it claims, so every reader and writer of the project gains the
 * format without depending on its libraries.
 */
public interface FileFormat {
    /** The extensions this format claims, lower case with the dot ({@code ".parquet"}). */
    List<String> extensions();

    /**
     * Item ids and vectors; ids are unique and non-empty.
     *
     * @throws InputException for any unreadable or invalid input
     */
    EmbeddingSet readEmbeddings(Path file, EmbeddingColumns columns);

    /** Writes ids and vectors through {@link AtomicFiles}. */
    void writeEmbeddings(Path target, EmbeddingSet set) throws IOException;

    /**
     * Feeds every (id, semantic ID text) row to {@code rows}, which validates them.
     *
     * @throws InputException for any unreadable or invalid input
     */
    void readSids(Path file, SidReader.RowSink rows);

    /** Writes id, semantic ID text and codes (with the dedup token) through {@link AtomicFiles}. */
    void writeSids(Path target, List<String> ids, List<SemanticId> sids) throws IOException;

    /**
     * Writes an old → new ID map ({@link IdMapWriter}): id, old ID, new ID, either ID null where
     * absent, through {@link AtomicFiles}.
     */
    void writeIdMap(Path target, List<String> ids, List<SemanticId> oldSids, List<SemanticId> newSids) throws IOException;

    /**
     * Feeds every item of a catalogue, its fields as text, to {@code row} in file order, through a
     * {@link CatalogueItems} (which checks the ids).
     *
     * @param idFieldOrNull the id field; null for {@link CatalogueReader#DEFAULT_ID_FIELDS}
     * @throws InputException for any unreadable or invalid input
     */
    CatalogueReader.Summary readCatalogue(Path file, String idFieldOrNull, CatalogueReader.Row row);
}
