package dev.semid.serving.stream;

/** An input message that cannot be tokenized; the reason goes to the dead-letter topic and to HTTP 400s. */
public final class BadItemException extends RuntimeException {
    public BadItemException(String reason) { super(reason, null, false, false); }
}
