package dev.semid.tokenizer.io;

import java.util.List;

/**
 * Which columns of a file with named columns hold the item id and the vector. A null name means
 * the first of the usual names that the file has.
 */
public record EmbeddingColumns(String id, String embedding) {
    public static final List<String> ID_NAMES = List.of("id", "item_id");
    public static final List<String> EMBEDDING_NAMES = List.of("embedding", "embeddings", "vector", "emb");
    public static final EmbeddingColumns DEFAULT = new EmbeddingColumns(null, null);

    public EmbeddingColumns {
        if (id != null && id.isBlank()) throw new IllegalArgumentException("the id column name is empty");
        if (embedding != null && embedding.isBlank()) throw new IllegalArgumentException("the embedding column name is empty");
    }

    public List<String> idCandidates() { return id == null ? ID_NAMES : List.of(id); }

    public List<String> embeddingCandidates() { return embedding == null ? EMBEDDING_NAMES : List.of(embedding); }

    public boolean isDefault() { return id == null && embedding == null; }
}
