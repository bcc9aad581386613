package dev.semid.serving.stream;

import dev.semid.index.SidEntry;
import dev.semid.index.SidLookup;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;

import java.util.HashMap;
import java.util.Map;

/**
 * The IDs this instance wrote to the index since its view was last refreshed, laid over that
 * view: the stream refreshes the index a few times a second instead of after every batch
 * (a refresh flushes a segment), and still decides every claim against everything written.
 */
public final class RecentAssignments {
    private final Map<String, SemanticId> idByItem = new HashMap<>();
    private final Map<SemanticId, String> itemById = new HashMap<>();
    private final Map<CodeTuple, java.util.BitSet> tokensByTuple = new HashMap<>();
    private final Map<String, Long> seqByItem = new HashMap<>();
    private final java.util.ArrayDeque<Recorded> order = new java.util.ArrayDeque<>();
    private long seq;

    private record Recorded(long seq, String itemId, SemanticId sid) {}

    public void record(String itemId, SemanticId sid) {
        SemanticId before = idByItem.put(itemId, sid);
        if (before != null && !before.equals(sid)) {
            itemById.remove(before);
            java.util.BitSet t = tokensByTuple.get(before.tuple());
            if (t != null) t.clear(before.dedup());
        }
        itemById.put(sid, itemId);
        tokensByTuple.computeIfAbsent(sid.tuple(), k -> new java.util.BitSet()).set(sid.dedup());
        seqByItem.put(itemId, ++seq);
        order.add(new Recorded(seq, itemId, sid));
    }

    /** A mark for {@link #dropUpTo}: everything recorded so far. */
    public long mark() { return seq; }

    /** Forgets what was recorded up to {@code mark}: a refresh that began after it made all of it visible. */
    public void dropUpTo(long mark) {
        while (!order.isEmpty() && order.peek().seq() <= mark) {
            Recorded r = order.poll();
            Long latest = seqByItem.get(r.itemId());
            if (latest == null || latest != r.seq()) continue; // the item was recorded again since
            seqByItem.remove(r.itemId());
            idByItem.remove(r.itemId());
            if (r.itemId().equals(itemById.get(r.sid()))) {
                itemById.remove(r.sid());
                java.util.BitSet t = tokensByTuple.get(r.sid().tuple());
                if (t != null) t.clear(r.sid().dedup());
            }
        }
    }

    /** The view now includes everything recorded. */
    public void clear() {
        idByItem.clear();
        itemById.clear();
        tokensByTuple.clear();
        seqByItem.clear();
        order.clear();
    }

    public boolean isEmpty() { return idByItem.isEmpty(); }

    /** True if this instance recorded exactly this ID for the item (e.g. its own output read back). */
    public boolean has(String itemId, SemanticId sid) { return sid.equals(idByItem.get(itemId)); }

    /** These recent writes over an index view. */
    public AssignedIds over(SidLookup view) {
        return new AssignedIds() {
            @Override public SemanticId idOf(String itemId) {
                SemanticId recent = idByItem.get(itemId);
                return recent != null ? recent : view.item(itemId).map(SidEntry::sid).orElse(null);
            }

            @Override public String holderOf(SemanticId sid) {
                String recent = itemById.get(sid);
                if (recent != null) return recent;
                String held = view.holder(sid).map(SidEntry::itemId).orElse(null);
                // the view's holder has moved to another ID since: this one is free
                return held != null && idByItem.containsKey(held) ? null : held;
            }

            @Override public java.util.BitSet tokens(CodeTuple tuple) {
                java.util.BitSet held = new java.util.BitSet();
                for (SidEntry e : view.tuple(tuple)) {
                    SemanticId now = idByItem.get(e.itemId());
                    if (now == null || now.equals(e.sid())) held.set(e.sid().dedup()); // else its holder has moved since the view
                }
                java.util.BitSet recentTokens = tokensByTuple.get(tuple);
                if (recentTokens != null) held.or(recentTokens);
                return held;
            }
        };
    }
}
