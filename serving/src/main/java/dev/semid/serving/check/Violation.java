package dev.semid.serving.check;

/** One broken invariant: which, for which item, and what was seen. */
public record Violation(String invariant, String itemId, String detail) {
    @Override public String toString() { return invariant + ": item '" + itemId + "': " + detail; }
}
