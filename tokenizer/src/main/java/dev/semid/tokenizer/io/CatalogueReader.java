package dev.semid.tokenizer.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an item catalogue, one item a row, and hands each row's id and text fields to a
 * consumer: JSON Lines (an object a line; strings as they are, numbers and booleans as their
 * text, arrays joined with ", ", objects as JSON), CSV or TSV with a header, or an added
 * {@link FileFormat} such as Parquet. The id comes from the named field, by default {@code id},
 * else {@code item_id}. Ids must be present, non-empty and unique ({@link CatalogueItems}); every
 * error names the file and line or row.
 */
public final class CatalogueReader {
    /** Id fields tried, in order, when none is named. */
    public static final List<String> DEFAULT_ID_FIELDS = List.of("id", "item_id");
    public static final List<String> SUPPORTED_EXTENSIONS = List.of(".jsonl", ".ndjson", ".json", ".csv", ".tsv");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives one item: its id, its fields by name (the id among them), and where it was read. */
    @FunctionalInterface
    public interface Row {
        void accept(String id, Map<String, String> fields, String location);
    }

    /**
     * What was read: the items' count, every field name seen (in first-seen order), and the columns
     * left out for having no text form (a format with typed columns may have such).
     */
    public record Summary(int items, List<String> fields, List<String> skipped) {}

    private CatalogueReader() {}

    /** The built-in extensions and those of the {@link FileFormat}s on the class path. */
    public static List<String> extensions() {
        return FileFormats.withAdded(SUPPORTED_EXTENSIONS);
    }

    /** Reads {@code file}, calling {@code row} per item in file order; {@code idFieldOrNull} null = the defaults. */
    public static Summary read(Path file, String idFieldOrNull, Row row) {
        Sources.requireReadableFile(file);
        String ext = Sources.extension(file);
        FileFormat added = FileFormats.forExtension(ext);
        if (added != null) return added.readCatalogue(file, idFieldOrNull, row);
        try {
            return switch (ext) {
                case ".jsonl", ".ndjson", ".json" -> readJsonl(file, idFieldOrNull, row);
                case ".csv", ".tsv" -> readDelimited(file, ext.equals(".csv") ? ',' : '\t', idFieldOrNull, row);
                default -> throw new InputException(Sources.name(file), null, "unsupported catalogue extension "
                        + (ext.isEmpty() ? "(none)" : "'" + ext + "'") + "; supported: " + String.join(", ", extensions()));
            };
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
    }

    private static Summary readJsonl(Path file, String idField, Row row) throws IOException {
        String src = Sources.name(file);
        CatalogueItems items = new CatalogueItems(src, "line", row);
        Set<String> fields = new LinkedHashSet<>();
        long line = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (line == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
                if (s.isBlank()) continue;
                JsonNode o;
                try {
                    o = JSON.readTree(s);
                } catch (JsonProcessingException e) {
                    throw new InputException(src, "line " + line, "invalid JSON: " + e.getOriginalMessage());
                }
                if (!o.isObject()) throw new InputException(src, "line " + line, "expected a JSON object, got " + o.getNodeType().toString().toLowerCase());
                Map<String, String> f = new LinkedHashMap<>(); // field order as written, for messages
                o.properties().forEach(e -> f.put(e.getKey(), text(e.getValue())));
                fields.addAll(f.keySet());
                String key = CatalogueItems.idField(idField, f.keySet());
                if (key == null || !o.hasNonNull(key)) throw items.noIdField("line " + line, idField, "field", f.keySet());
                items.add(line, f.get(key), f);
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InputException(src, "line " + (line + 1), "not valid UTF-8");
        }
        return items.summary(List.copyOf(fields), List.of());
    }

    private static Summary readDelimited(Path file, char sep, String idField, Row row) throws IOException {
        String src = Sources.name(file);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            DelimitedRecords records = new DelimitedRecords(r, sep, src);
            List<String> header = records.next();
            if (header == null || header.isEmpty() || header.size() == 1 && header.get(0).isEmpty())
                throw new InputException(src, "line 1", "expected a header naming the columns");
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) header.set(0, header.get(0).substring(1));
            CatalogueItems items = new CatalogueItems(src, "line", row);
            String key = CatalogueItems.idField(idField, header);
            if (key == null) throw items.noIdField("line 1", idField, "column", header);
            int idCol = header.indexOf(key);
            for (List<String> rec; (rec = records.next()) != null; ) {
                long line = records.startLine();
                if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
                if (rec.size() != header.size())
                    throw new InputException(src, "line " + line, rec.size() + " fields, the header has " + header.size());
                Map<String, String> f = new HashMap<>();
                for (int c = 0; c < header.size(); c++) f.put(header.get(c), rec.get(c));
                items.add(line, rec.get(idCol), f);
            }
            return items.summary(header, List.of());
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isValueNode()) return v.asText();
        if (v.isArray()) {
            List<String> parts = new ArrayList<>(v.size());
            v.forEach(x -> {
                String t = text(x);
                if (!t.isEmpty()) parts.add(t);
            });
            return String.join(", ", parts);
        }
        return v.toString();
    }
}
