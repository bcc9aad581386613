package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The dedup tokens held under the code tuples this instance hands tokens out for, kept between
 * batches: reading a tuple's tokens from the index is a term-dictionary walk over every segment
 * that holds the tuple (the assigner's largest cost), and the owner of a tuple's claims partition
 * is the only writer of that tuple, so once read, its own assignments keep the set exact.
 * Writes it does not make itself (IDs other instances published, deletes) must be reported with
 * {@link #invalidate} or {@link #clear}; so must a failed write. Least recently used tuples are
 * dropped beyond {@code capacity}.
 */
public final class TupleTokens {
    private final Map<CodeTuple, BitSet> held;

    public TupleTokens(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        this.held = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<CodeTuple, BitSet> eldest) { return size() > capacity; }
        };
    }

    /**
     * The tokens held under {@code tuple}: cached, else {@code read} (the index and recent writes).
     * The caller sets the tokens it hands out in the returned set.
     */
    BitSet of(CodeTuple tuple, Supplier<BitSet> read) {
        BitSet b = held.get(tuple);
        if (b == null) {
            b = read.get();
            held.put(tuple, b);
        }
        return b;
    }

    /** {@code sid} is no longer held (its item moved to another ID). */
    void release(SemanticId sid) {
        BitSet b = held.get(sid.tuple());
        if (b != null) b.clear(sid.dedup());
    }

    /** Someone else changed what is held under this tuple: read it again next time. */
    public void invalidate(CodeTuple tuple) { held.remove(tuple); }

    public void clear() { held.clear(); }
}
