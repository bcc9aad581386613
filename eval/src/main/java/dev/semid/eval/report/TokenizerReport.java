package dev.semid.eval.report;

import dev.semid.eval.quality.TokenizerQuality;

import java.util.List;

/** What {@code semid eval tokenizer} writes: one {@link TokenizerQuality} per ID set. */
public record TokenizerReport(String kind, String embeddings, Integer neighbours, List<TokenizerQuality> idSets) {
    public static final String KIND = "tokenizer";
}
