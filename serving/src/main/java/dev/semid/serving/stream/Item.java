package dev.semid.serving.stream;

/**
 * A decoded input item: its id, its embedding (null when it was decoded into a row of a batch), the other fields of its JSON object as a JSON
 * object text (the payload stored beside its ID; null when there are none) and whether it asks
 * for a new ID although it may have one.
 */
public record Item(String id, float[] embedding, String payload, boolean retokenize) {}
