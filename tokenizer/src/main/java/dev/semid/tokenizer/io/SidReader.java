package dev.semid.tokenizer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link SidWriter} writes, by extension: {@code .jsonl} ({@code "id"} and
 * {@code "sid"} of each line), {@code .csv} and {@code .tsv} (header {@code id,sid[,codes]};
 * RFC 4180 quoting in CSV), and the extensions of added {@link FileFormat}s. Every row must have
 * an id and a well-formed ID with as many codes as the first row; ids and IDs must be unique.
 * Errors name the file, the line (or row) and the item.
 */
public final class SidReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows in file order. */
    public record Rows(List<String> ids, List<SemanticId> sids) {
        public int size() { return ids.size(); }
    }

    /** Takes the rows of a file in order and validates them; a {@link FileFormat} feeds it. */
    public interface RowSink {
        /**
         * @param location where the row is, for errors ({@code "row 7"})
         * @throws InputException for an empty id, a malformed ID, or a repeated id or ID
         */
        void add(String location, String id, String sid);
    }

    private SidReader() {}

    /** A file, or a directory of parts ({@link PartFiles}) read as one: ids and IDs unique across all parts. */
    public static Rows read(Path path) {
        boolean parts = Files.isDirectory(path);
        Collector rows = new Collector(parts);
        for (Path file : parts ? PartFiles.of(path) : List.of(path)) readFile(file, rows);
        if (rows.ids.isEmpty()) throw new InputException(Sources.name(path), null, "empty input: no semantic IDs");
        return new Rows(List.copyOf(rows.ids), List.copyOf(rows.sids));
    }

    private static void readFile(Path file, Collector rows) {
        Sources.requireReadableFile(file);
        String ext = Sources.extension(file);
        FileFormat added = FileFormats.forExtension(ext);
        if (added == null && !SidWriter.SUPPORTED_EXTENSIONS.contains(ext))
            throw new InputException(Sources.name(file), null, "unsupported extension '" + ext + "'; semantic-ID files are "
                    + String.join(", ", SidWriter.extensions()));
        rows.src = Sources.name(file);
        if (added != null) added.readSids(file, rows);
        else try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (ext.equals(".jsonl")) readJsonl(r, rows);
            else readDelimited(r, ext.equals(".csv") ? ',' : '\t', rows);
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
    }

    private static void readJsonl(BufferedReader r, Collector rows) throws IOException {
        String line;
        for (long n = 1; (line = r.readLine()) != null; n++) {
            if (line.isBlank()) continue;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InputException(rows.src, "line " + n, "not valid JSON: " + e.getOriginalMessage());
            }
            JsonNode id = node.get("id"), sid = node.get("sid");
            if (id == null || !(id.isTextual() || id.isIntegralNumber()))
                throw new InputException(rows.src, "line " + n, "field 'id' is missing or not a string/integer");
            if (sid == null || !sid.isTextual())
                throw new InputException(rows.src, "line " + n + " (id '" + id.asText() + "')", "field 'sid' is missing or not a string");
            rows.add("line " + n, id.asText(), sid.asText());
        }
    }

    private static void readDelimited(Reader r, char sep, Collector rows) throws IOException {
        DelimitedRecords records = new DelimitedRecords(r, sep, rows.src);
        List<String> header = records.next();
        if (header == null) return;
        if (header.size() < 2 || !header.get(0).equals("id") || !header.get(1).equals("sid"))
            throw new InputException(rows.src, "line 1", "expected a header starting with id" + sep + "sid, found " + String.join(String.valueOf(sep), header));
        for (List<String> rec; (rec = records.next()) != null; ) {
            long n = records.startLine();
            if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
            if (rec.size() < 2) throw new InputException(rows.src, "line " + n, "expected id" + sep + "sid, found " + rec.size() + " field");
            rows.add("line " + n, rec.get(0), rec.get(1));
        }
    }

    /** Validates and collects rows; duplicate ids and IDs name both lines (or rows). */
    private static final class Collector implements RowSink {
        final boolean namesFiles; // parts of a directory: a repeat may be in another file
        String src;                // the file being read
        final List<String> ids = new ArrayList<>();
        final List<SemanticId> sids = new ArrayList<>();
        final Map<String, String> idLines = new HashMap<>();
        final Map<SemanticId, String> sidLines = new HashMap<>();

        Collector(boolean namesFiles) { this.namesFiles = namesFiles; }

        @Override public void add(String line, String id, String sidText) {
            String where = line + " (id '" + id + "')";
            if (id.isEmpty()) throw new InputException(src, line, "empty item id");
            SemanticId sid;
            try {
                sid = SemanticId.parse(sidText);
            } catch (IllegalArgumentException e) {
                throw new InputException(src, where, e.getMessage());
            }
            if (!sids.isEmpty() && sid.levels() != sids.getFirst().levels())
                throw new InputException(src, where, "semantic ID " + sid + " has " + sid.levels() + " codes, the first row has "
                        + sids.getFirst().levels());
            String at = namesFiles ? src + " " + line : line;
            String prev = idLines.putIfAbsent(id, at);
            if (prev != null) throw new InputException(src, where, "item id also on " + prev);
            prev = sidLines.putIfAbsent(sid, at);
            if (prev != null) throw new InputException(src, where, "semantic ID " + sid + " also on " + prev);
            ids.add(id);
            sids.add(sid);
        }
    }
}
