package dev.semid.genrec.data;

import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.sid.ItemIdOrder;
import dev.semid.tokenizer.sid.SemanticId;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ID set: every item's full semantic ID (quantizer codes and dedup token, so one ID is one
 * item). Its fingerprint — the first 16 hex digits of SHA-256 over the lines {@code id\tsid\n}
 * in item-id order — identifies the set whatever the file or the row order it came from; a
 * recommender records the fingerprint of the set it was trained on.
 */
public final class IdTable {
    private final List<String> ids;
    private final List<SemanticId> sids;
    private final Map<String, Integer> index;
    private final String fingerprint;

    public IdTable(List<String> ids, List<SemanticId> sids) {
        if (ids.size() != sids.size()) throw new IllegalArgumentException(ids.size() + " item ids for " + sids.size() + " semantic IDs");
        if (ids.isEmpty()) throw new IllegalArgumentException("an ID set needs at least one item");
        this.ids = List.copyOf(ids);
        this.sids = List.copyOf(sids);
        this.index = HashMap.newHashMap(ids.size());
        Map<SemanticId, String> owner = HashMap.newHashMap(ids.size());
        int levels = sids.get(0).levels();
        for (int i = 0; i < ids.size(); i++) {
            SemanticId s = sids.get(i);
            if (s.levels() != levels)
                throw new IllegalArgumentException("item '" + ids.get(i) + "' has " + s.levels() + " codes, item '" + ids.get(0) + "' has " + levels);
            if (index.putIfAbsent(ids.get(i), i) != null) throw new IllegalArgumentException("item '" + ids.get(i) + "' appears twice");
            String other = owner.putIfAbsent(s, ids.get(i));
            if (other != null) throw new IllegalArgumentException("items '" + other + "' and '" + ids.get(i) + "' share the ID " + s);
        }
        this.fingerprint = fingerprintOf(this.ids, this.sids);
    }

    private static String fingerprintOf(List<String> ids, List<SemanticId> sids) {
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) order.add(i);
        order.sort((a, b) -> ItemIdOrder.INSTANCE.compare(ids.get(a), ids.get(b)));
        StringBuilder sb = new StringBuilder(ids.size() * 24);
        for (int i : order) sb.append(ids.get(i)).append('\t').append(sids.get(i)).append('\n');
        return ModelFingerprint.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The control for "does semantics matter?": the same IDs dealt to the items in a random order
     * (seeded), so the shape — levels, codebooks, prefix tree, collisions — is exactly this set's.
     */
    public IdTable shuffled(long seed) {
        List<SemanticId> dealt = new ArrayList<>(sids);
        java.util.Collections.shuffle(dealt, new java.util.Random(seed));
        return new IdTable(ids, dealt);
    }

    public int size() { return ids.size(); }
    public List<String> ids() { return ids; }
    public List<SemanticId> sids() { return sids; }
    public String fingerprint() { return fingerprint; }

    /** Quantizer levels L (the dedup token comes on top). */
    public int levels() { return sids.get(0).levels(); }

    /** The item's ID, or null when the set has none for it. */
    public SemanticId sidOf(String itemId) {
        Integer i = index.get(itemId);
        return i == null ? null : sids.get(i);
    }
}
