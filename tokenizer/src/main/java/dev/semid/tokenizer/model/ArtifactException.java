package dev.semid.tokenizer.model;

/** A model directory that cannot be used: missing, corrupted, truncated or of an incompatible format. */
public class ArtifactException extends RuntimeException {
    public ArtifactException(String message) { super(message); }
    public ArtifactException(String message, Throwable cause) { super(message, cause); }
}
