package dev.semid.serving;

import dev.semid.tokenizer.sid.CollisionConfig;

/**
 * When the service says streamed items have drifted from the items the model was trained on
 * ({@code semid.drift.*}); validated here, once.
 *
 * @param window          the last this many streamed items are what the drift figures describe; the
 *                        thresholds on them are checked once that many have come
 * @param errorRatio      alert when their mean quantization error is more than this many times the
 *                        training items' (a model without a drift reference: unknown, never checked)
 * @param perplexityRatio alert when a level's code perplexity falls below this share of the training
 *                        items': new items crowd fewer codes
 * @param minTokensLeft   alert when a code tuple that got an ID in the window has fewer dedup tokens
 *                        left than this (0: never); past the last one, items spill to other tuples
 */
public record DriftSettings(int window, double errorRatio, double perplexityRatio, int minTokensLeft) {
    public static final int TOKENS_PER_TUPLE = CollisionConfig.DEFAULT_MAX_DEDUP + 1;

    public DriftSettings {
        if (window < 1 || window > 10_000_000) throw new IllegalArgumentException("semid.drift.window must be 1..10000000, got " + window);
        if (!(errorRatio > 1) || Double.isInfinite(errorRatio))
            throw new IllegalArgumentException("semid.drift.error-ratio must be a finite number > 1 (the training items' error is 1), got " + errorRatio);
        if (!(perplexityRatio > 0 && perplexityRatio < 1))
            throw new IllegalArgumentException("semid.drift.perplexity-ratio must be between 0 and 1 (the training items' perplexity is 1), got "
                    + perplexityRatio);
        if (minTokensLeft < 0 || minTokensLeft > TOKENS_PER_TUPLE)
            throw new IllegalArgumentException("semid.drift.min-tokens-left must be 0.." + TOKENS_PER_TUPLE + ", got " + minTokensLeft);
    }
}
