package dev.semid.spark;

import org.apache.spark.sql.Row;

import java.util.List;

/**
 * What makes an input row bad, checked before the tokenizer sees it: a null id or embedding, a
 * null element, a dimension other than the model's, or a value that is not finite (float32).
 */
final class RowCheck {
    private RowCheck() {}

    /** Copies the row's embedding into {@code into} at {@code offset}; returns why the row is bad, or null. */
    static String copyEmbedding(Row row, int column, int dimension, float[] into, int offset) {
        if (row.isNullAt(column)) return "embedding is null";
        List<Float> values = row.getList(column);
        if (values.size() != dimension)
            return "embedding has dimension " + values.size() + ", the model expects " + dimension;
        for (int j = 0; j < dimension; j++) {
            Float v = values.get(j);
            if (v == null) return "embedding value " + j + " is null";
            if (!Float.isFinite(v)) return "embedding value " + j + " is " + v + "; embeddings must be finite";
            into[offset + j] = v;
        }
        return null;
    }
}
