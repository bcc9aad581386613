package dev.semid.cli;

import dev.semid.embed.EmbedConfig;
import dev.semid.embed.Pooling;
import dev.semid.embed.SentenceModel;
import dev.semid.embed.TextTemplate;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** How catalogue text becomes embeddings: shared by `semid embed`, `semid demo --catalogue` and `semid bench embed`. */
final class EmbedOptions {
    @Option(names = "--text", defaultValue = "{text}", paramLabel = "TEMPLATE",
            description = "The text embedded per item, over its fields: e.g. \"{title} by {brand}: {categories}\" (default ${DEFAULT-VALUE}); "
                    + "{{ and }} are literal braces; a field an item lacks is empty.")
    String text;
    @Option(names = "--id-field", paramLabel = "NAME", description = "The item id's field or column (default: id, else item_id).")
    String idField;
    @Option(names = "--model-dir", paramLabel = "DIR",
            description = "A sentence model exported to ONNX: model.onnx (or onnx/model.onnx) and tokenizer.json (default: the built-in "
                    + SentenceModel.MINILM + ", 384-d).")
    Path modelDir;
    @Option(names = "--pooling", paramLabel = "mean|cls",
            description = "Token vectors to one vector (default: the model's 1_Pooling/config.json, else mean; the built-in model: mean).")
    String pooling;
    @Option(names = "--max-tokens", defaultValue = "256", paramLabel = "N", description = "Texts are cut to N tokens (default ${DEFAULT-VALUE}).")
    int maxTokens;
    @Option(names = "--embed-batch", defaultValue = "64", paramLabel = "N", description = "Texts per model call (default ${DEFAULT-VALUE}).")
    int batchSize;
    @Option(names = "--no-normalize", description = "Keep the pooled vectors as they are (default: unit L2 norm).")
    boolean noNormalize;
    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "Batches embedded side by side, one core each; 0 = one per core (default ${DEFAULT-VALUE}).")
    int threads;
    @Option(names = "--empty-text", defaultValue = "(unknown item)", paramLabel = "TEXT",
            description = "What an item with an empty text is embedded as (default \"${DEFAULT-VALUE}\").")
    String emptyText;

    TextTemplate template() { return TextTemplate.parse(text); }

    EmbedConfig config() {
        return EmbedConfig.defaults().withMaxTokens(maxTokens).withBatchSize(batchSize).withNormalize(!noNormalize).withThreads(threads)
                .withPlaceholder(emptyText);
    }

    SentenceModel model() {
        Pooling p = pooling == null ? null : Pooling.parse(pooling);
        if (modelDir == null) {
            if (p != null && p != Pooling.MEAN) throw new IllegalArgumentException("the built-in " + SentenceModel.MINILM + " is trained for mean pooling");
            return SentenceModel.miniLm();
        }
        return SentenceModel.fromDirectory(modelDir, p);
    }
}
