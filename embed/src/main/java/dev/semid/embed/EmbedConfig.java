package dev.semid.embed;

/**
 * How texts are embedded.
 *
 * @param maxTokens   texts are cut to this many tokens, special tokens included (all-MiniLM's
 *                    sentence-transformers setting is 256)
 * @param batchSize   texts per model call; texts are sorted by length first, so a batch pads little
 * @param normalize   scale every embedding to unit L2 norm (what semantic-ID pipelines feed the tokenizer)
 * @param threads     batches embedded side by side, each on one ONNX Runtime thread; 0 = one per core
 * @param placeholder what an empty text is embedded as (counted in the summary)
 */
public record EmbedConfig(int maxTokens, int batchSize, boolean normalize, int threads, String placeholder) {
    public EmbedConfig {
        if (maxTokens < 3 || maxTokens > 8192) throw new IllegalArgumentException("max tokens must be 3..8192, got " + maxTokens);
        if (batchSize < 1 || batchSize > 4096) throw new IllegalArgumentException("batch size must be 1..4096, got " + batchSize);
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        if (placeholder == null || placeholder.isBlank()) throw new IllegalArgumentException("the empty-text placeholder must not be blank");
    }

    /** 256 tokens, batches of 64, normalised, every core, "(unknown item)" for empty texts. */
    public static EmbedConfig defaults() { return new EmbedConfig(256, 64, true, 0, "(unknown item)"); }

    public EmbedConfig withMaxTokens(int v) { return new EmbedConfig(v, batchSize, normalize, threads, placeholder); }
    public EmbedConfig withBatchSize(int v) { return new EmbedConfig(maxTokens, v, normalize, threads, placeholder); }
    public EmbedConfig withNormalize(boolean v) { return new EmbedConfig(maxTokens, batchSize, v, threads, placeholder); }
    public EmbedConfig withThreads(int v) { return new EmbedConfig(maxTokens, batchSize, normalize, v, placeholder); }
    public EmbedConfig withPlaceholder(String v) { return new EmbedConfig(maxTokens, batchSize, normalize, threads, v); }
}
