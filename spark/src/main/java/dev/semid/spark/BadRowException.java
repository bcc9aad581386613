package dev.semid.spark;

/** An input row the tokenizer cannot take, named by its item id (null ids are named as such). */
public final class BadRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public BadRowException(String itemId, String reason) {
        super("item " + (itemId == null ? "with a null id" : "'" + itemId + "'") + ": " + reason
                + " (pass rejectBadRows / --errors DIR to write such rows aside instead)");
    }
}
