package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes embeddings, atomically, in the format of the target's extension: {@code .npy} holds the
 * vectors only (row r is item {@code ids.get(r)}; keep the ids beside it), the extensions of added
 * {@link FileFormat}s hold ids and vectors.
 */
public final class EmbeddingWriter {
    private EmbeddingWriter() {}

    public static List<String> extensions() {
        return FileFormats.withAdded(List.of(".npy"));
    }

    /** @throws InputException for an unsupported extension */
    public static void write(Path target, EmbeddingSet set) throws IOException {
        String ext = Sources.extension(target);
        FileFormat added = FileFormats.forExtension(ext);
        if (added != null) added.writeEmbeddings(target, set);
        else if (ext.equals(".npy")) NpyWriter.write(target, set.vectors());
        else throw new InputException(Sources.name(target), null, "unsupported output extension '" + ext + "'; supported: "
                    + String.join(", ", extensions()));
    }
}
