package dev.semid.spark;

import dev.semid.tokenizer.sid.CollisionConfig;

import java.io.Serializable;
import java.util.Objects;

/**
 * The knobs of a Spark tokenization, validated here once.
 *
 * @param idColumn        the item id column: a string or an integer type (integers become their decimal text)
 * @param embeddingColumn the embedding column: array&lt;float&gt; or array&lt;double&gt;
 * @param rejectBadRows   false: a bad row (null id or embedding, wrong dimension, NaN/±Inf) fails the job
 *                        naming its id; true: it goes to {@link Tokenized#rejected()} with the reason and
 *                        gets no ID
 * @param maxDedup        the largest dedup token, as {@code semid tokenize --max-dedup}
 * @param batchRows       rows per tokenizer call inside a partition
 */
public record TokenizeOptions(String idColumn, String embeddingColumn, boolean rejectBadRows, int maxDedup, int batchRows)
        implements Serializable {
    public static final String DEFAULT_ID_COLUMN = "id", DEFAULT_EMBEDDING_COLUMN = "embedding";
    public static final int DEFAULT_BATCH_ROWS = 4096;

    public TokenizeOptions {
        requireName(idColumn, "id column");
        requireName(embeddingColumn, "embedding column");
        if (idColumn.equals(embeddingColumn))
            throw new IllegalArgumentException("the id and embedding columns are both '" + idColumn + "'");
        new CollisionConfig(maxDedup, false, 1, 1, 1.0); // the one check of maxDedup
        if (batchRows < 1) throw new IllegalArgumentException("batchRows must be >= 1, got " + batchRows);
    }

    /** Columns {@code id} and {@code embedding}, bad rows fail the job, dedup tokens 0..255. */
    public static TokenizeOptions defaults() {
        return new TokenizeOptions(DEFAULT_ID_COLUMN, DEFAULT_EMBEDDING_COLUMN, false,
                CollisionConfig.DEFAULT_MAX_DEDUP, DEFAULT_BATCH_ROWS);
    }

    public TokenizeOptions withColumns(String id, String embedding) {
        return new TokenizeOptions(id, embedding, rejectBadRows, maxDedup, batchRows);
    }

    public TokenizeOptions withRejectBadRows(boolean value) {
        return new TokenizeOptions(idColumn, embeddingColumn, value, maxDedup, batchRows);
    }

    public TokenizeOptions withMaxDedup(int value) {
        return new TokenizeOptions(idColumn, embeddingColumn, rejectBadRows, value, batchRows);
    }

    /**
     * Dedup tokens only: Spark does not run the re-assignment of {@code semid tokenize --reassign},
     * and a tuple past {@code maxDedup} fails the job instead of spilling.
     */
    public CollisionConfig collisions() { return CollisionConfig.defaults().withMaxDedup(maxDedup).withSpill(false); }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isBlank()) throw new IllegalArgumentException("the " + what + " name is blank");
    }
}
