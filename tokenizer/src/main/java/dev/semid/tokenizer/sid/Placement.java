package dev.semid.tokenizer.sid;

/**
 * Where {@link SemanticIdAssigner#place} put an item: its ID and the rank of the ID's tuple among
 * the item's {@link RankedTuples} (0: the quantizer's own; above: spilled). With a null ID, the
 * tuple at {@code rank} is one whose tokens the caller does not hand out: whoever does goes on
 * from that rank.
 */
public record Placement(SemanticId id, int rank) {
    public boolean placed() { return id != null; }

    public boolean spilled() { return id != null && rank > 0; }
}
