package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Entry point for embedding input: picks the reader from the file extension and attaches item
 * ids. Ids come from the ids file if one is given, else from the JSONL {@code id} field or the id
 * column of a format with named columns (a {@link FileFormat} such as Parquet), else they are row
 * numbers counted from {@code rowIdBase}. Every path yields unique, non-empty ids (the ids-file,
 * JSONL and added readers reject duplicates; row numbers are distinct by construction).
 */
public final class EmbeddingReader {
    public static final List<String> SUPPORTED_EXTENSIONS = List.of(".npy", ".fvecs", ".jsonl", ".ndjson", ".json");

    private EmbeddingReader() {}

    /** The built-in extensions and those of the {@link FileFormat}s on the class path. */
    public static List<String> extensions() {
        return FileFormats.withAdded(SUPPORTED_EXTENSIONS);
    }

    public static EmbeddingSet read(Path input, Path idsFileOrNull, long rowIdBase) {
        return read(input, idsFileOrNull, rowIdBase, EmbeddingColumns.DEFAULT);
    }

    /**
     * @param input         embeddings: {@code .npy}, {@code .fvecs}, JSON Lines ({@code .jsonl},
     *                      {@code .ndjson}, {@code .json}), or an added format ({@link #extensions()})
     * @param idsFileOrNull one id per line, aligned with the rows; not allowed with JSON Lines or an
     *                      added format, which carry their own ids
     * @param rowIdBase     id of row 0 when ids are row numbers (e.g. 1 when row r is item r+1)
     * @param columns       id and vector columns of a format with named columns; others have none
     * @throws InputException for any unreadable or invalid input
     * @throws IllegalArgumentException for column names with a format that has no named columns
     */
    public static EmbeddingSet read(Path input, Path idsFileOrNull, long rowIdBase, EmbeddingColumns columns) {
        Sources.requireReadableFile(input);
        String ext = Sources.extension(input);
        FileFormat added = FileFormats.forExtension(ext);
        if (added == null && !columns.isDefault())
            throw new IllegalArgumentException("column names apply to input with named columns (" + String.join(", ", FileFormats.extensions())
                    + "), not to " + input);
        if (added != null) {
            if (idsFileOrNull != null)
                throw new InputException(Sources.name(idsFileOrNull), null, "an ids file cannot be combined with " + ext + " input "
                        + Sources.name(input) + ": its ids come from its id column");
            return added.readEmbeddings(input, columns);
        }
        switch (ext) {
            case ".jsonl", ".ndjson", ".json" -> {
                if (idsFileOrNull != null)
                    throw new InputException(Sources.name(idsFileOrNull), null, "an ids file cannot be combined with JSON Lines input "
                            + Sources.name(input) + ": its ids come from the \"id\" field of each line");
                return JsonlEmbeddingReader.read(input);
            }
            case ".npy", ".fvecs" -> {
                if (idsFileOrNull != null) {
                    // Ids first, so that a bad value in the matrix can be reported with its item id.
                    List<String> ids = IdFileReader.read(idsFileOrNull);
                    Matrix m = readMatrix(input, ext, r -> r < ids.size() ? ids.get(r) : null);
                    IdFileReader.checkCount(idsFileOrNull, ids.size(), m.rows());
                    return new EmbeddingSet(ids, m);
                }
                Matrix m = readMatrix(input, ext, r -> Long.toString(rowIdBase + r));
                List<String> ids = new ArrayList<>(m.rows());
                for (int r = 0; r < m.rows(); r++) ids.add(Long.toString(rowIdBase + r));
                return new EmbeddingSet(ids, m);
            }
            default -> throw new InputException(Sources.name(input), null, "unsupported file extension "
                    + (ext.isEmpty() ? "(none)" : "'" + ext + "'") + "; supported: " + String.join(", ", extensions())
                    + " (.json is read as JSON Lines, one object per line)");
        }
    }

    private static Matrix readMatrix(Path input, String ext, IntFunction<String> rowIds) {
        return ext.equals(".npy") ? NpyReader.read(input, rowIds) : FvecsReader.read(input, rowIds);
    }
}
