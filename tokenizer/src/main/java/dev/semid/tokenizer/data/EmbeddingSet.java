package dev.semid.tokenizer.data;

import java.util.List;

/**
 * Item ids aligned with the rows of an embedding matrix. Ids are unique and non-empty
 * (readers validate this at the edge).
 */
public record EmbeddingSet(List<String> ids, Matrix vectors) {
    public EmbeddingSet {
        if (ids.size() != vectors.rows())
            throw new IllegalArgumentException(ids.size() + " ids for " + vectors.rows() + " rows");
        ids = List.copyOf(ids);
    }

    public int size() { return vectors.rows(); }
    public int dimension() { return vectors.cols(); }
}
