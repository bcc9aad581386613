package dev.semid.cli;

import dev.semid.embed.SentenceEncoder;
import dev.semid.embed.TextTemplate;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.io.CatalogueReader;
import dev.semid.tokenizer.io.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A catalogue file → one text per item (the template over its fields) → embeddings, ids carried through. */
final class CatalogueEmbedding {
    private CatalogueEmbedding() {}

    /** The embeddings and what it took. */
    record Result(EmbeddingSet embeddings, int emptyTexts, int truncatedTexts, long tokens, double seconds) {
        double itemsPerSecond() { return embeddings.size() / seconds; }

        String summary(String model) {
            return String.format(Locale.ROOT, "%,d items embedded with %s in %.1f s (%.0f items/s, %.1f tokens/item); %d empty texts embedded as the placeholder, %d cut to the token limit",
                    embeddings.size(), model, seconds, itemsPerSecond(), tokens / (double) embeddings.size(), emptyTexts, truncatedTexts);
        }
    }

    /** The items' ids and texts, in file order; a template field that no item has is an error naming the fields found. */
    static Texts texts(Path catalogue, String idField, TextTemplate template) {
        List<String> ids = new ArrayList<>(), texts = new ArrayList<>();
        CatalogueReader.Summary s = CatalogueReader.read(catalogue, idField, (id, fields, where) -> {
            ids.add(id);
            texts.add(template.render(fields));
        });
        for (String f : template.fields())
            if (!s.fields().contains(f))
                throw new InputException(catalogue.toString(), null, "the text template '" + template + "' names field '" + f
                        + "', which no item has (fields: " + String.join(", ", s.fields())
                        + (s.skipped().isEmpty() ? "" : "; columns with no text form: " + String.join(", ", s.skipped())) + ")");
        return new Texts(ids, texts);
    }

    record Texts(List<String> ids, List<String> texts) {}

    static Result embed(Texts t, SentenceEncoder encoder, ProgressBar progress) {
        long t0 = System.nanoTime();
        SentenceEncoder.Result r = encoder.encode(t.texts(), (done, total) -> progress.task("embedding", done, total));
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Result(new EmbeddingSet(t.ids(), r.vectors()), r.emptyTexts(), r.truncatedTexts(), r.tokens(), seconds);
    }
}
