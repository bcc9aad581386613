package dev.semid.tokenizer.io;

import dev.semid.tokenizer.sid.SemanticId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an old → new ID map (what downstream systems apply after an index moves to a retrained
 * model), atomically: per item its id, old ID and new ID, either ID absent where the item was
 * added or dropped. {@code .jsonl}: {@code {"id":"17","old":"12-201-7-0","new":"12-201-9-0"}} per
 * line (null for an absent ID); the extensions of added {@link FileFormat}s (such as
 * {@code .parquet}: {@code id} string, {@code old} and {@code new} optional strings).
 */
public final class IdMapWriter {
    private IdMapWriter() {}

    /** The built-in extension and those of the {@link FileFormat}s on the class path. */
    public static List<String> extensions() { return FileFormats.withAdded(List.of(".jsonl")); }

    /** Rows i of the three lists; {@code oldSids} and {@code newSids} may hold nulls. */
    public static void write(Path target, List<String> ids, List<SemanticId> oldSids, List<SemanticId> newSids) throws IOException {
        if (ids.size() != oldSids.size() || ids.size() != newSids.size())
            throw new IllegalArgumentException(ids.size() + " ids for " + oldSids.size() + " old and " + newSids.size() + " new IDs");
        FileFormat added = FileFormats.forExtension(Sources.extension(target));
        if (added != null) {
            added.writeIdMap(target, ids, oldSids, newSids);
            return;
        }
        if (!Sources.extension(target).equals(".jsonl"))
            throw new InputException(Sources.name(target), null, "unsupported extension '" + Sources.extension(target)
                    + "' for an ID map; supported: " + String.join(", ", extensions()));
        AtomicFiles.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 20);
            StringBuilder line = new StringBuilder(128);
            for (int i = 0; i < ids.size(); i++) {
                line.setLength(0);
                line.append("{\"id\":");
                JsonText.appendString(line, ids.get(i));
                line.append(",\"old\":");
                sid(line, oldSids.get(i));
                line.append(",\"new\":");
                sid(line, newSids.get(i));
                w.append(line).append("}\n");
            }
            w.flush();
        });
    }

    private static void sid(StringBuilder sb, SemanticId sid) {
        if (sid == null) sb.append("null");
        else sid.appendTo(sb.append('"')).append('"');
    }
}
