package dev.semid.tokenizer.sid;


import java.util.List;

/**
 * The result of {@link SemanticIdAssigner#assign}: one unique ID per input item, aligned with the
 * input, the collisions of the raw code tuples that the dedup token had to resolve, and how many
 * items spilled to another tuple because theirs had no token left.
 */
public record Assignment(List<SemanticId> ids, CollisionStats before, int spilled) {
    public Assignment {
        ids = List.copyOf(ids);
    }

    /** Largest dedup token handed out (0 when there are no collisions or no items). */
    public int maxDedupToken() {
        int max = 0;
        for (SemanticId id : ids) max = Math.max(max, id.dedup());
        return max;
    }
}
