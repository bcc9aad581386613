package dev.semid.tokenizer.quantize;

import java.util.Locale;

/** How k-means picks its starting centres. */
public enum Seeding {
    /** k-means++: D² sampling of data points. */
    PLUS_PLUS("kmeans++"),
    /**
     * Cluster in growing principal subspaces first ({@link ProgressiveDimSeeding}): centres start
     * where the data's main directions split it, not on outliers.
     */
    PROGRESSIVE_DIMS("progressive");

    private final String label;

    Seeding(String label) { this.label = label; }

    public String label() { return label; }

    public static Seeding parse(String s) {
        for (Seeding v : values()) if (v.label.equalsIgnoreCase(s) || v.name().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("unknown k-means seeding '" + s + "' (kmeans++ or progressive)");
    }

    @Override public String toString() { return label.toLowerCase(Locale.ROOT); }
}
