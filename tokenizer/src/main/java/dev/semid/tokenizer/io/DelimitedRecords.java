package dev.semid.tokenizer.io;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV (RFC 4180: fields in double quotes may hold separators, quotes doubled, line
 * breaks) or TSV (no quoting) into records, tracking the line each record starts on.
 */
final class DelimitedRecords {
    private final Reader in;
    private final char sep;
    private final boolean quoting;
    private final String src;
    private long line = 1, startLine;
    private int pushedBack = -2;

    DelimitedRecords(Reader in, char sep, String src) {
        this.in = in;
        this.sep = sep;
        this.quoting = sep == ',';
        this.src = src;
    }

    /** The line the last record returned by {@link #next()} started on. */
    long startLine() { return startLine; }

    /** The next record's fields, or null at the end of input. */
    List<String> next() throws IOException {
        int c = read();
        if (c < 0) return null;
        startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false, wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) throw new InputException(src, "line " + startLine, "quoted field is not closed before the end of the file");
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
                c = read();
                continue;
            }
            if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') pushedBack = d;
                }
                if (c >= 0) line++;
                fields.add(f.toString());
                return fields;
            }
            if (c == sep) {
                fields.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && quoting && f.isEmpty() && !wasQuoted) {
                quoted = wasQuoted = true;
            } else {
                if (wasQuoted) throw new InputException(src, "line " + line, "text after a closing quote in field " + (fields.size() + 1));
                f.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
