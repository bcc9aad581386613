package dev.semid.eval.io;

import dev.semid.tokenizer.io.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Line-by-line reading of a UTF-8 text file with 1-based line numbers; every I/O or encoding
 * failure becomes an {@link InputException} that names the file (and the line where known).
 * Blank lines and a leading byte-order mark are skipped.
 */
final class TextLines {
    interface LineHandler { void line(int number, String text); }

    private TextLines() {}

    static void read(Path file, LineHandler handler) {
        String src = file.toString();
        if (Files.isDirectory(file)) throw new InputException(src, null, "is a directory, expected a file");
        int number = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                handler.line(number, line);
            }
        } catch (NoSuchFileException e) {
            throw new InputException(src, null, "file not found");
        } catch (AccessDeniedException e) {
            throw new InputException(src, null, "file is not readable (permission denied)");
        } catch (CharacterCodingException e) {
            throw new InputException(src, "near line " + (number + 1), "not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(src, null, "cannot read file: " + e.getMessage(), e);
        }
        if (number == 0) throw new InputException(src, null, "empty input");
    }

    /** Splits a CSV line into exactly {@code names.length} plain fields (no quoting), or fails naming the line. */
    static String[] csvFields(String src, int line, String text, String... names) {
        String[] f = text.split(",", -1);
        if (f.length != names.length)
            throw new InputException(src, "line " + line, "expected " + names.length + " comma-separated fields "
                    + String.join(",", names) + ", got " + f.length);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].strip();
            if (f[i].isEmpty()) throw new InputException(src, "line " + line + ", field '" + names[i] + "'", "empty value");
        }
        return f;
    }

    /** True when a CSV's first line is a header: its last field is not a number. */
    static boolean isHeader(String[] fields) {
        try {
            Double.parseDouble(fields[fields.length - 1]);
            return false;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static boolean isCsv(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".csv");
    }
}
