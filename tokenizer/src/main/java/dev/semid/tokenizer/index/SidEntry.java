package dev.semid.tokenizer.index;

import dev.semid.tokenizer.sid.SemanticId;

import java.util.Objects;

/** One item of the index: its id, its semantic ID and an optional payload passed through (e.g. a title). */
public record SidEntry(String itemId, SemanticId sid, String payload) {
    public SidEntry {
        Objects.requireNonNull(itemId, "item id");
        Objects.requireNonNull(sid, "semantic ID");
        if (itemId.isEmpty()) throw new IllegalArgumentException("empty item id");
        if (itemId.indexOf('\0') >= 0) throw new IllegalArgumentException("item id '" + itemId.replace("\0", "\\0") + "' contains a NUL character");
    }

    public SidEntry(String itemId, SemanticId sid) { this(itemId, sid, null); }
}
