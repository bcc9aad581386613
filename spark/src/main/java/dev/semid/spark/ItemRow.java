package dev.semid.spark;

import java.io.Serializable;

/** An input row built in Java (tests, the benchmark): a bean, because Spark encodes a bean's float[] as array&lt;float&gt; and not a Row's. */
public final class ItemRow implements Serializable {
    private static final long serialVersionUID = 1L;

    private String id;
    private float[] embedding;

    public ItemRow() {}

    public ItemRow(String id, float[] embedding) {
        this.id = id;
        this.embedding = embedding;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public float[] getEmbedding() { return embedding; }
    public void setEmbedding(float[] embedding) { this.embedding = embedding; }
}
