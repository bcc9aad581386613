package dev.semid.tokenizer.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads semantic IDs published in token form, as in LETTER / TIGER reproductions:
 * {@code {"0": ["<a_183>", "<b_70>", "<c_232>", "<d_6>"], ...}} with keys 0..N−1 (row order).
 * Returns one int[] of codes per row; every row must have the same number of tokens.
 */
public final class TokenSidReader {
    private static final Pattern TOKEN = Pattern.compile("<([a-z])_(\\d+)>");

    private TokenSidReader() {}

    public static int[][] read(Path file) {
        String src = file.toString();
        List<int[]> rows = new ArrayList<>();
        try (JsonParser p = new ObjectMapper().getFactory().createParser(Files.newInputStream(file))) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new InputException(src, null, "expected a JSON object of id → tokens");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                int row;
                try {
                    row = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    throw new InputException(src, "key '" + key + "'", "keys must be row numbers 0..N-1");
                }
                if (row != rows.size()) throw new InputException(src, "key '" + key + "'", "expected key " + rows.size() + " (rows in order)");
                if (p.nextToken() != JsonToken.START_ARRAY) throw new InputException(src, "key '" + key + "'", "expected an array of tokens");
                List<Integer> codes = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    Matcher m = TOKEN.matcher(p.getText());
                    if (!m.matches()) throw new InputException(src, "key '" + key + "'", "token '" + p.getText() + "' is not of the form <a_12>");
                    if (m.group(1).charAt(0) - 'a' != codes.size())
                        throw new InputException(src, "key '" + key + "'", "token '" + p.getText() + "' out of level order");
                    codes.add(Integer.parseInt(m.group(2)));
                }
                if (!rows.isEmpty() && codes.size() != rows.get(0).length)
                    throw new InputException(src, "key '" + key + "'", codes.size() + " tokens, the first row has " + rows.get(0).length);
                rows.add(codes.stream().mapToInt(Integer::intValue).toArray());
            }
        } catch (NoSuchFileException e) {
            throw new InputException(src, null, "file not found");
        } catch (IOException e) {
            throw new InputException(src, null, "not valid JSON: " + e.getMessage());
        }
        if (rows.isEmpty()) throw new InputException(src, null, "no IDs (empty input)");
        return rows.toArray(new int[0][]);
    }
}
