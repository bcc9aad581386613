package dev.semid.tokenizer.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads JSON Lines such as {@code {"id": "17", "embedding": [0.1, ...]}} into an
 * {@link EmbeddingSet}. Ids may be JSON strings or integers (kept as their decimal text); other
 * fields are ignored. A first pass counts the records so the matrix is allocated once at its
 * exact size; the second pass parses each line with Jackson's streaming parser.
 */
public final class JsonlEmbeddingReader {
    // NaN/Infinity tokens are accepted by the parser so that they can be rejected with a clear
    // message naming the item, instead of a generic "invalid JSON" error.
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER) // correctly rounded, several times faster
            .build();

    private JsonlEmbeddingReader() {}

    public static EmbeddingSet read(Path file) {
        Sources.requireReadableFile(file);
        String src = Sources.name(file);
        try {
            long records = countRecords(file, src);
            if (records == 0) throw new InputException(src, null, "empty input: the file has no JSON lines");
            if (records > Sources.MAX_ARRAY)
                throw new InputException(src, null, "too large: " + records + " lines exceed the largest Java array");
            return parse(file, src, (int) records);
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
    }

    /** Counts non-blank lines; a blank line followed by a record is an error (blank lines may only trail). */
    private static long countRecords(Path file, String src) throws IOException {
        long records = 0, line = 1, pendingBlank = -1;
        boolean content = false, bytesOnLine = false, afterCR = false;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            boolean first = true;
            for (int n; (n = in.read(buf)) > 0; first = false) {
                int start = first && n >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF ? 3 : 0;
                for (int i = start; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n' && afterCR) { afterCR = false; continue; } // second half of CRLF
                    afterCR = b == '\r';
                    if (b == '\n' || b == '\r') { // same terminators as BufferedReader.readLine
                        if (content) {
                            if (pendingBlank > 0) throw blankLine(src, pendingBlank);
                            records++;
                        } else if (pendingBlank < 0) pendingBlank = line;
                        line++;
                        content = bytesOnLine = false;
                        continue;
                    }
                    bytesOnLine = true;
                    if (b != ' ' && b != '\t') content = true;
                }
            }
        }
        if (content) {
            if (pendingBlank > 0) throw blankLine(src, pendingBlank);
            records++;
        } else if (bytesOnLine && pendingBlank < 0) pendingBlank = line; // whitespace-only last line: trailing, fine
        return records;
    }

    private static InputException blankLine(String src, long line) {
        return new InputException(src, "line " + line, "blank line between records; blank lines are only allowed at the end of the file");
    }

    private static EmbeddingSet parse(Path file, String src, int rows) throws IOException {
        String[] ids = new String[rows];
        Map<String, Integer> lineOfId = new HashMap<>(rows * 4 / 3 + 1);
        float[] data = null;
        float[] scratch = new float[256];
        int dim = -1, firstLine = -1, row = 0, lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = nextLine(reader, src, lineNo)) != null; ) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1); // tolerate a UTF-8 BOM
                if (isBlank(line)) continue;
                if (row >= rows) throw new InputException(src, "line " + lineNo, "the file changed while it was being read");
                Record rec;
                try (JsonParser p = JSON.createParser(line)) {
                    rec = parseLine(p, src, lineNo, scratch);
                } catch (JsonProcessingException e) {
                    throw new InputException(src, "line " + lineNo + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr()),
                            "invalid JSON: " + e.getOriginalMessage());
                }
                scratch = rec.values;
                String where = "line " + lineNo + " (id '" + rec.id + "')";
                if (rec.count == 0) throw new InputException(src, where, "\"embedding\" is empty");
                if (dim < 0) {
                    dim = rec.count;
                    firstLine = lineNo;
                    if ((long) rows * dim > Sources.MAX_ARRAY)
                        throw new InputException(src, null, "too large: " + rows + " x " + dim
                                + " values exceed the largest Java array (" + Sources.MAX_ARRAY + " values); split the file");
                    data = new float[rows * dim];
                } else if (rec.count != dim) {
                    throw new InputException(src, where, "wrong dimension: \"embedding\" has " + rec.count
                            + " values but line " + firstLine + " has " + dim);
                }
                if (rec.badIndex >= 0)
                    throw new InputException(src, where, "\"embedding\"[" + rec.badIndex + "] is " + rec.badText
                            + "; embeddings must be finite");
                Integer previous = lineOfId.putIfAbsent(rec.id, lineNo);
                if (previous != null)
                    throw new InputException(src, where, "duplicate id '" + rec.id + "' (first on line " + previous + ")");
                ids[row] = rec.id;
                System.arraycopy(rec.values, 0, data, row * dim, dim);
                row++;
            }
        }
        if (row != rows) throw new InputException(src, null, "the file changed while it was being read");
        return new EmbeddingSet(Arrays.asList(ids), new Matrix(rows, dim, data));
    }

    // The reader decodes ahead, so a decoding error is located only approximately.
    private static String nextLine(BufferedReader reader, String src, int lineNo) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new InputException(src, "near line " + (lineNo + 1), "not valid UTF-8 text", e);
        }
    }

    /** One parsed line; values[0..count) holds the embedding, possibly in a grown copy of the scratch array. */
    private record Record(String id, float[] values, int count, int badIndex, String badText) {}

    private static Record parseLine(JsonParser p, String src, int lineNo, float[] values) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT)
            throw new InputException(src, "line " + lineNo, "expected a JSON object like {\"id\": \"17\", \"embedding\": [0.1, ...]}");
        String id = null;
        boolean seenEmbedding = false;
        int count = 0, badIndex = -1;
        String badText = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (name.equals("id")) {
                if (id != null) throw new InputException(src, "line " + lineNo, "\"id\" appears twice");
                if (t != JsonToken.VALUE_STRING && t != JsonToken.VALUE_NUMBER_INT)
                    throw new InputException(src, "line " + lineNo, "\"id\" must be a string or an integer, not " + describe(t));
                id = p.getText();
                if (id.isBlank()) throw new InputException(src, "line " + lineNo, "\"id\" is empty");
            } else if (name.equals("embedding")) {
                if (seenEmbedding) throw new InputException(src, "line " + lineNo, "\"embedding\" appears twice");
                seenEmbedding = true;
                if (t != JsonToken.START_ARRAY)
                    throw new InputException(src, at(lineNo, id), "\"embedding\" must be an array of numbers, not " + describe(t));
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT)
                        throw new InputException(src, at(lineNo, id), "\"embedding\"[" + count + "] is not a number: "
                                + describe(t) + (t.isScalarValue() ? " " + p.getText() : ""));
                    float v = p.getFloatValue();
                    if (!Float.isFinite(v) && badIndex < 0) {
                        badIndex = count;
                        String text = p.getText();
                        // Digits mean a real number too large for float32; otherwise a NaN/Infinity token.
                        badText = text.chars().anyMatch(Character::isDigit) ? text + " (outside the float32 range)" : text;
                    }
                    if (count == values.length) values = Arrays.copyOf(values, values.length * 2);
                    values[count++] = v;
                }
            } else {
                p.skipChildren();
            }
        }
        if (p.nextToken() != null)
            throw new InputException(src, "line " + lineNo, "invalid JSON: unexpected content after the object (one object per line)");
        if (id == null) throw new InputException(src, "line " + lineNo, "missing \"id\"");
        if (!seenEmbedding) throw new InputException(src, at(lineNo, id), "missing \"embedding\"");
        return new Record(id, values, count, badIndex, badText);
    }

    // Only spaces and tabs count, matching the byte-level count in the first pass.
    private static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) != ' ' && line.charAt(i) != '\t') return false;
        return true;
    }

    private static String at(int lineNo, String id) {
        return id == null ? "line " + lineNo : "line " + lineNo + " (id '" + id + "')";
    }

    private static String describe(JsonToken t) {
        if (t == null) return "the end of the line";
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_FLOAT -> "a non-integer number";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            default -> String.valueOf(t);
        };
    }
}
