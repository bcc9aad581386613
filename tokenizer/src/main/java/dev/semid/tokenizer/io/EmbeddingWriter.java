package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes embeddings with their item ids, atomically, in the format of the target's extension:
 * {@code .npy} (float32, C order) with the ids one per line in a sibling {@code NAME.ids.txt}
 * (what {@code --ids} reads), JSON Lines {@code {"id":"17","embedding":[…]}} (what
 * {@code --input} reads with its ids), or an added {@link FileFormat}'s (Parquet). Floats are
 * written in their shortest exact form, so every file reads back bit for bit.
 */
public final class EmbeddingWriter {
    private EmbeddingWriter() {}

    public static List<String> extensions() {
        return FileFormats.withAdded(List.of(".npy", ".jsonl"));
    }

    /** The ids file written beside an {@code .npy}: {@code emb.npy} → {@code emb.ids.txt}. */
    public static Path idsFile(Path npy) {
        String name = npy.getFileName().toString();
        return npy.resolveSibling(name.substring(0, name.length() - ".npy".length()) + ".ids.txt");
    }

    /**
     * @return the files written
     * @throws InputException for an unsupported extension, or an id an ids file cannot hold
     */
    public static List<Path> write(Path target, EmbeddingSet set) throws IOException {
        String ext = Sources.extension(target);
        FileFormat added = FileFormats.forExtension(ext);
        if (added != null) {
            added.writeEmbeddings(target, set);
            return List.of(target);
        }
        switch (ext) {
            case ".npy" -> {
                Path ids = idsFile(target);
                AtomicFiles.write(ids, raw -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
                    for (String id : set.ids()) {
                        if (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0)
                            throw new InputException(Sources.name(ids), null, "item id '" + id.replace("\n", "\\n") + "' holds a line break; write .jsonl instead");
                        w.write(id);
                        w.write('\n');
                    }
                    w.flush();
                });
                try {
                    NpyWriter.write(target, set.vectors());
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(ids); // no ids without their embeddings
                    throw e;
                }
                return List.of(target, ids);
            }
            case ".jsonl" -> {
                AtomicFiles.write(target, raw -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
                    Matrix m = set.vectors();
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < set.size(); i++) {
                        sb.setLength(0);
                        sb.append("{\"id\":");
                        JsonText.appendString(sb, set.ids().get(i));
                        sb.append(",\"embedding\":[");
                        for (int j = 0; j < m.cols(); j++) sb.append(j == 0 ? "" : ",").append(m.data()[i * m.cols() + j]);
                        w.append(sb).append("]}\n");
                    }
                    w.flush();
                });
                return List.of(target);
            }
            default -> throw new InputException(Sources.name(target), null, "unsupported embeddings output extension '" + ext
                    + "'; supported: " + String.join(", ", extensions()));
        }
    }
}
