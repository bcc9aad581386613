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
 * Writes the tokenizer's output, item id to semantic ID, atomically (via {@link AtomicFiles}).
 * The format follows the target's extension:
 * <ul>
 *   <li>{@code .jsonl}: {@code {"id":"17","codes":[12,201,7,0],"sid":"12-201-7-0"}} per line</li>
 *   <li>{@code .csv}: header {@code id,sid,codes}, codes space-separated, ids quoted per RFC 4180
 *       when needed (lines end in LF)</li>
 *   <li>{@code .tsv}: header {@code id<TAB>sid<TAB>codes}; ids with tabs or newlines are rejected</li>
 *   <li>the extensions of added {@link FileFormat}s (such as {@code .parquet}), which write the same three fields</li>
 * </ul>
 * {@code codes} always includes the final dedup token.
 */
public final class SidWriter {
    public static final List<String> SUPPORTED_EXTENSIONS = List.of(".jsonl", ".csv", ".tsv");
    private static final int BUFFER = 1 << 20;

    private enum Format { JSONL, CSV, TSV }

    private SidWriter() {}

    /** The built-in extensions and those of the {@link FileFormat}s on the class path. */
    public static List<String> extensions() {
        return FileFormats.withAdded(SUPPORTED_EXTENSIONS);
    }

    /** @throws InputException for an unsupported extension or an id the format cannot hold */
    public static void write(Path target, List<String> ids, List<SemanticId> sids) throws IOException {
        if (ids.size() != sids.size())
            throw new IllegalArgumentException(ids.size() + " ids but " + sids.size() + " semantic IDs");
        FileFormat added = FileFormats.forExtension(Sources.extension(target));
        if (added != null) {
            added.writeSids(target, ids, sids);
            return;
        }
        Format format = switch (Sources.extension(target)) {
            case ".jsonl" -> Format.JSONL;
            case ".csv" -> Format.CSV;
            case ".tsv" -> Format.TSV;
            default -> throw new InputException(Sources.name(target), null, "unsupported output extension '"
                    + Sources.extension(target) + "'; supported: " + String.join(", ", extensions()));
        };
        String src = Sources.name(target);
        AtomicFiles.write(target, out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
            StringBuilder line = new StringBuilder(256); // reused: no per-row garbage beyond the codes array
            if (format == Format.CSV) w.write("id,sid,codes\n");
            if (format == Format.TSV) w.write("id\tsid\tcodes\n");
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                SemanticId sid = sids.get(i);
                if (id == null || sid == null) throw new IllegalArgumentException("row " + i + " has no " + (id == null ? "id" : "semantic ID"));
                int[] codes = sid.withDedup();
                line.setLength(0);
                switch (format) {
                    case JSONL -> {
                        line.append("{\"id\":");
                        JsonText.appendString(line, id);
                        line.append(",\"codes\":[");
                        appendCodes(line, codes, ',');
                        line.append("],\"sid\":\"");
                        sid.appendTo(line);
                        line.append("\"}");
                    }
                    case CSV -> {
                        appendCsvField(line, id);
                        line.append(',');
                        sid.appendTo(line);
                        line.append(',');
                        appendCodes(line, codes, ' ');
                    }
                    case TSV -> {
                        if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0)
                            throw new InputException(src, "row " + i + " (id '" + id.replace("\t", "\\t").replace("\n", "\\n")
                                    .replace("\r", "\\r") + "')", "id contains a tab or line break, which TSV cannot hold; write .csv or .jsonl instead");
                        line.append(id).append('\t');
                        sid.appendTo(line);
                        line.append('\t');
                        appendCodes(line, codes, ' ');
                    }
                }
                line.append('\n');
                w.append(line);
            }
            w.flush();
        });
    }

    private static void appendCodes(StringBuilder sb, int[] codes, char sep) {
        for (int j = 0; j < codes.length; j++) {
            if (j > 0) sb.append(sep);
            sb.append(codes[j]);
        }
    }

    private static void appendCsvField(StringBuilder sb, String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') sb.append('"');
            sb.append(c);
        }
        sb.append('"');
    }
}
