package dev.semid.genrec;

import java.util.Locale;

/** The three recommenders, each with its published or chosen defaults ({@link GenRecConfig#defaults}). */
public enum Preset {
    /**
     * TIGER / GRID: encoder–decoder transformer over the full IDs of the last ≤ 20 items (one token
     * per level and the dedup token), the decoder emitting the next ID token by token. The GPU preset.
     */
    TIGER,
    /**
     * The CPU preset: a causal transformer over items (an item's input is the sum of its token
     * embeddings), every position trained at once, and a code-by-code output head conditioned on
     * the prefix decoded so far.
     */
    COMPACT,
    /** SASRec, the item-ID baseline: causal transformer, cross-entropy over all items (no semantic IDs). */
    SASREC;

    /** Whether the model emits semantic IDs (and is decoded by trie-constrained beam search). */
    public boolean generative() { return this != SASREC; }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Preset parse(String s) {
        for (Preset p : values()) if (p.label().equals(s.strip().toLowerCase(Locale.ROOT))) return p;
        throw new IllegalArgumentException("unknown preset '" + s + "': use compact, tiger or sasrec");
    }
}
