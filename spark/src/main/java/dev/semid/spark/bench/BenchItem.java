package dev.semid.spark.bench;

import java.io.Serializable;

/** A generated input row; a bean because Spark encodes a bean's float[] as array&lt;float&gt;. */
public final class BenchItem implements Serializable {
    private static final long serialVersionUID = 1L;

    private String id;
    private float[] embedding;

    public BenchItem() {}

    BenchItem(String id, float[] embedding) {
        this.id = id;
        this.embedding = embedding;
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public float[] getEmbedding() { return embedding; }
    public void setEmbedding(float[] embedding) { this.embedding = embedding; }
}
