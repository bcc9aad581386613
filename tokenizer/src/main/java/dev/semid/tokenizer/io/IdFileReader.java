package dev.semid.tokenizer.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a text file of item ids, one per line, aligned with the rows of an embedding matrix.
 * Surrounding whitespace is trimmed; ids must be non-empty and unique. Blank lines are only
 * tolerated at the very end (an editor's trailing newline), since one in the middle would shift
 * every following id onto the wrong row.
 */
public final class IdFileReader {
    private IdFileReader() {}

    /** Reads the ids and checks that there is exactly one per row. */
    public static List<String> read(Path file, int expectedRows) {
        List<String> ids = read(file);
        checkCount(file, ids.size(), expectedRows);
        return ids;
    }

    /** Reads and validates the ids without knowing the row count (see {@link #checkCount}). */
    public static List<String> read(Path file) {
        Sources.requireReadableFile(file);
        String src = Sources.name(file);
        List<String> ids = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        int lineNo = 0, blankLine = -1;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNo++;
                String id = line.strip();
                if (lineNo == 1 && id.startsWith("\uFEFF")) id = id.substring(1).strip();
                if (id.isEmpty()) {
                    if (blankLine < 0) blankLine = lineNo;
                    continue;
                }
                if (blankLine > 0)
                    throw new InputException(src, "line " + blankLine, "empty id (blank line); every line must hold the id of one row");
                Integer previous = lineOfId.putIfAbsent(id, lineNo);
                if (previous != null)
                    throw new InputException(src, "line " + lineNo, "duplicate id '" + id + "' (first on line " + previous + ")");
                ids.add(id);
            }
        } catch (CharacterCodingException e) {
            throw new InputException(src, "near line " + (lineNo + 1), "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
        if (ids.isEmpty()) throw new InputException(src, null, "empty input: the ids file has no ids");
        return ids;
    }

    /** Fails unless the ids file has exactly one id per embedding row. */
    public static void checkCount(Path file, int ids, int expectedRows) {
        if (ids != expectedRows)
            throw new InputException(Sources.name(file), null, "has " + ids + " ids but the embeddings have "
                    + expectedRows + " rows; the ids file needs exactly one id per row, in row order");
    }
}
