package dev.semid.index;

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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The form every interface prints (CLI, HTTP): {"id", "sid", "codes" (with the dedup token),
     * "payload"?}, a payload that is JSON embedded as JSON; callers may add fields.
     */
    public java.util.Map<String, Object> view() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", itemId);
        m.put("sid", sid.toString());
        m.put("codes", sid.withDedup());
        if (payload != null) {
            Object p;
            try {
                p = JSON.readTree(payload);
            } catch (java.io.IOException notJson) {
                p = payload;
            }
            m.put("payload", p);
        }
        return m;
    }
}
