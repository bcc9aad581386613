package dev.semid.index;

/** A lookup for an item, semantic ID or prefix the index does not hold. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String message) { super(message); }
}
