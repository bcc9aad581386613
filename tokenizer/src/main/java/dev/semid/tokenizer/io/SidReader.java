package dev.semid.tokenizer.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link SidWriter} writes, by extension: {@code .jsonl}
 * ({@code {"id":"17","codes":[12,201,7,0],"sid":"12-201-7-0"}}), {@code .csv} (header
 * {@code id,sid,codes}, RFC 4180 quoting) or {@code .tsv}. The {@code sid} field is the source of
 * truth; {@code codes}, where present, must agree with it. Ids must be unique and non-empty, and
 * all IDs must have the same number of levels.
 */
public final class SidReader {
    /** Item ids and their semantic IDs, in file order. */
    public record SidFile(List<String> ids, List<SemanticId> sids) {}

    private SidReader() {}

    public static SidFile read(Path file) {
        Sources.requireReadableFile(file);
        String src = Sources.name(file);
        String ext = Sources.extension(file);
        if (!SidWriter.SUPPORTED_EXTENSIONS.contains(ext))
            throw new InputException(src, null, "unsupported extension '" + ext + "'; semantic-ID files are "
                    + String.join(", ", SidWriter.SUPPORTED_EXTENSIONS));
        Collector c = new Collector(src);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            switch (ext) {
                case ".jsonl" -> readJsonl(r, c);
                case ".csv" -> readDelimited(r, c, ',');
                default -> readDelimited(r, c, '\t');
            }
        } catch (CharacterCodingException e) {
            throw new InputException(src, null, "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
        if (c.ids.isEmpty()) throw new InputException(src, null, "no semantic IDs (empty input)");
        return new SidFile(List.copyOf(c.ids), List.copyOf(c.sids));
    }

    private static void readJsonl(BufferedReader r, Collector c) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank()) continue;
            String where = "line " + lineNo;
            JsonNode n;
            try {
                n = mapper.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InputException(c.src, where, "not valid JSON: " + e.getOriginalMessage());
            }
            if (n == null || !n.isObject()) throw new InputException(c.src, where, "expected a JSON object {\"id\": …, \"sid\": …}");
            JsonNode id = n.get("id"), sid = n.get("sid"), codes = n.get("codes");
            if (id == null || !(id.isTextual() || id.isIntegralNumber())) throw new InputException(c.src, where + ", field 'id'", "missing or not a string");
            if (sid == null || !sid.isTextual()) throw new InputException(c.src, where + ", field 'sid'", "missing or not a string");
            int[] listed = null;
            if (codes != null) {
                if (!codes.isArray()) throw new InputException(c.src, where + ", field 'codes'", "not an array");
                listed = new int[codes.size()];
                for (int i = 0; i < listed.length; i++) {
                    if (!codes.get(i).canConvertToInt()) throw new InputException(c.src, where + ", field 'codes'", "element " + i + " is not an integer");
                    listed[i] = codes.get(i).intValue();
                }
            }
            c.add(where, id.asText(), sid.asText(), listed);
        }
    }

    /** CSV (quotes allowed, also around line breaks) or TSV (no quoting): header id,sid,codes then one row per item. */
    private static void readDelimited(BufferedReader r, Collector c, char sep) throws IOException {
        RecordReader rows = new RecordReader(c.src, r, sep, sep == ',');
        List<String> header = rows.next();
        if (header == null) return;
        if (header.size() != 3 || !header.get(0).strip().replace("\uFEFF", "").equals("id") || !header.get(1).strip().equals("sid"))
            throw new InputException(c.src, "line 1", "expected the header id" + sep + "sid" + sep + "codes");
        for (List<String> f; (f = rows.next()) != null; ) {
            String where = "line " + rows.startLine;
            if (f.size() == 1 && f.get(0).isBlank()) continue;
            if (f.size() != 3) throw new InputException(c.src, where, "expected 3 fields id" + sep + "sid" + sep + "codes, got " + f.size());
            int[] listed;
            try {
                listed = f.get(2).isBlank() ? null : Arrays.stream(f.get(2).strip().split(" +")).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new InputException(c.src, where + ", field 'codes'", "'" + f.get(2) + "' is not space-separated integers");
            }
            c.add(where, f.get(0), f.get(1).strip(), listed);
        }
    }

    private static final class Collector {
        final String src;
        final List<String> ids = new ArrayList<>();
        final List<SemanticId> sids = new ArrayList<>();
        final Map<String, String> whereOfId = new HashMap<>();

        Collector(String src) { this.src = src; }

        void add(String where, String id, String sidText, int[] listedCodes) {
            if (id.isEmpty()) throw new InputException(src, where + ", field 'id'", "empty id");
            SemanticId sid;
            try {
                sid = SemanticId.parse(sidText);
            } catch (IllegalArgumentException e) {
                throw new InputException(src, where + ", field 'sid'", e.getMessage());
            }
            if (listedCodes != null && !Arrays.equals(listedCodes, sid.withDedup()))
                throw new InputException(src, where + ", field 'codes'", Arrays.toString(listedCodes) + " disagrees with sid '" + sidText + "'");
            if (!sids.isEmpty() && sid.levels() != sids.get(0).levels())
                throw new InputException(src, where + ", field 'sid'", "'" + sidText + "' has " + sid.levels()
                        + " levels, the first ID has " + sids.get(0).levels());
            String first = whereOfId.putIfAbsent(id, where);
            if (first != null) throw new InputException(src, where + ", field 'id'", "duplicate id '" + id + "' (first on " + first + ")");
            ids.add(id);
            sids.add(sid);
        }
    }

    /** Splits records on the separator; with quoting, "…" fields may hold separators, "" and line breaks. */
    private static final class RecordReader {
        private final String src;
        private final Reader in;
        private final char sep;
        private final boolean quoting;
        private int line = 1, pushed = -2;
        int startLine;

        RecordReader(String src, Reader in, char sep, boolean quoting) {
            this.src = src;
            this.in = in;
            this.sep = sep;
            this.quoting = quoting;
        }

        private int read() throws IOException {
            if (pushed != -2) {
                int c = pushed;
                pushed = -2;
                return c;
            }
            return in.read();
        }

        /** The next record's fields, or null at the end of input. */
        List<String> next() throws IOException {
            int c = read();
            if (c < 0) return null;
            startLine = line;
            List<String> fields = new ArrayList<>(3);
            StringBuilder f = new StringBuilder();
            boolean quoted = false, wasQuoted = false;
            while (true) {
                if (c < 0) {
                    if (quoted) throw new InputException(src, "line " + startLine, "unterminated quoted field");
                    fields.add(f.toString());
                    return fields;
                }
                if (quoted) {
                    if (c == '"') {
                        int d = read();
                        if (d == '"') f.append('"');
                        else {
                            quoted = false;
                            c = d;
                            continue;
                        }
                    } else {
                        if (c == '\n') line++;
                        f.append((char) c);
                    }
                } else if (c == sep) {
                    fields.add(f.toString());
                    f.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        int d = read();
                        if (d != '\n') pushed = d;
                    }
                    line++;
                    fields.add(f.toString());
                    return fields;
                } else if (c == '"' && quoting && f.isEmpty() && !wasQuoted) {
                    quoted = wasQuoted = true;
                } else {
                    f.append((char) c);
                }
                c = read();
            }
        }
    }
}
