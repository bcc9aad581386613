package dev.semid.index;

/**
 * The index cannot be used as asked: missing, corrupt, locked by another writer, built for
 * another model, or an update that would break uniqueness. The message names the directory and
 * the reason; the CLI exits with its own code.
 */
public class IndexException extends RuntimeException {
    public IndexException(String message) { super(message); }

    public IndexException(String message, Throwable cause) { super(message, cause); }
}
