package dev.semid.tokenizer.io;

/**
 * Bad input, with where it is: the file, the location inside it (row, line, byte offset or
 * field; may be null when the whole file is at fault) and the reason. The CLI prints
 * {@link #getMessage()} and exits non-zero.
 */
public class InputException extends RuntimeException {
    private final String source;
    private final String location;
    private final String reason;

    public InputException(String source, String location, String reason) {
        this(source, location, reason, null);
    }

    public InputException(String source, String location, String reason, Throwable cause) {
        super(source + (location == null ? "" : ", " + location) + ": " + reason, cause);
        this.source = source;
        this.location = location;
        this.reason = reason;
    }

    public String source() { return source; }
    public String location() { return location; }
    public String reason() { return reason; }
}
