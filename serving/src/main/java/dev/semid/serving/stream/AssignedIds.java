package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;

/** What the assigner needs to know of the IDs handed out so far. */
public interface AssignedIds {
    /** The item's ID, or null. */
    SemanticId idOf(String itemId);

    /** The item holding this ID, or null. */
    String holderOf(SemanticId sid);

    /** The dedup tokens held under a full code tuple. */
    java.util.BitSet tokens(CodeTuple tuple);
}
