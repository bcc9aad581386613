package dev.semid.embed;

import java.util.Locale;

/**
 * How a sentence model's token vectors become one vector: MEAN averages the tokens the attention
 * mask keeps, {@code e = Σ_t m_t h_t / Σ_t m_t} (sentence-transformers' default, all-MiniLM's);
 * CLS takes the first token's, {@code e = h_0} (BGE, E5-style models exported that way).
 */
public enum Pooling {
    MEAN, CLS;

    public static Pooling parse(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "mean" -> MEAN;
            case "cls" -> CLS;
            default -> throw new IllegalArgumentException("pooling must be mean or cls, got '" + s + "'");
        };
    }

    @Override public String toString() { return name().toLowerCase(Locale.ROOT); }
}
