package dev.semid.cli;

import dev.semid.embed.SentenceEncoder;
import dev.semid.embed.SentenceModel;
import dev.semid.tokenizer.io.EmbeddingWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "embed", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Embed item text from a catalogue with a sentence model, in Java: the first step of every semantic-ID pipeline.",
                "Catalogue: JSON Lines (one object per item), CSV or TSV with a header, or Parquet (a field per column)."
                        + " Output by extension: .npy (ids in NAME.ids.txt beside it, for --ids), .jsonl ({\"id\":…,\"embedding\":[…]}) or .parquet (id, embedding list<float>);"
                        + " written atomically, with a summary JSON beside it."})
final class EmbedCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The catalogue: .jsonl, .csv, .tsv or .parquet.")
    Path input;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Embeddings: .npy, .jsonl or .parquet.")
    Path out;
    @Mixin EmbedOptions embed;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        var template = embed.template();
        var config = embed.config();
        SentenceModel model = embed.model();
        var texts = CatalogueEmbedding.texts(input, embed.idField, template);
        CatalogueEmbedding.Result r;
        try (SentenceEncoder encoder = SentenceEncoder.open(model, config)) {
            r = CatalogueEmbedding.embed(texts, encoder, run.progress());
        }
        List<Path> written = EmbeddingWriter.write(out, r.embeddings());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", model.name());
        summary.put("pooling", model.pooling().toString());
        summary.put("template", template.toString());
        summary.put("normalized", config.normalize());
        summary.put("maxTokens", config.maxTokens());
        summary.put("items", r.embeddings().size());
        summary.put("dimension", r.embeddings().dimension());
        summary.put("emptyTexts", r.emptyTexts());
        summary.put("truncatedTexts", r.truncatedTexts());
        summary.put("tokens", r.tokens());
        summary.put("seconds", r.seconds());
        summary.put("files", written.stream().map(Path::toString).toList());
        Path summaryFile = out.resolveSibling(Pipeline.stem(out) + ".embed.json");
        Json.write(summaryFile, summary);
        run.output().detail().println(r.summary(model.name()));
        run.output().result().printf("%d embeddings (%d-d) → %s%n", r.embeddings().size(), r.embeddings().dimension(), String.join(" + ",
                written.stream().map(Path::toString).toList()));
        return 0;
    }
}
