package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.SemanticId;

import java.util.Arrays;
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
    private final Map<Key, BitSet> held;

    public TupleTokens(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        this.held = new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, BitSet> eldest) { return size() > capacity; }
        };
    }

    /** A hashable key for a code tuple. */
    static Object key(int[] codes) { return new Key(codes); }

    /**
     * The tokens held under {@code codes}: cached, else {@code read} (the index and recent writes).
     * The caller sets the tokens it hands out in the returned set.
     */
    BitSet of(int[] codes, Supplier<BitSet> read) {
        Key k = new Key(codes);
        BitSet b = held.get(k);
        if (b == null) {
            b = read.get();
            held.put(k, b);
        }
        return b;
    }

    /** {@code sid} is no longer held (its item moved to another ID). */
    void release(SemanticId sid) {
        BitSet b = held.get(new Key(sid.codes()));
        if (b != null) b.clear(sid.dedup());
    }

    /** Someone else changed what is held under this tuple: read it again next time. */
    public void invalidate(int[] codes) { held.remove(new Key(codes)); }

    public void clear() { held.clear(); }

    private static final class Key {
        final int[] codes;
        final int hash;

        Key(int[] codes) {
            this.codes = codes;
            this.hash = Arrays.hashCode(codes);
        }

        @Override public boolean equals(Object o) { return o instanceof Key k && hash == k.hash && Arrays.equals(codes, k.codes); }

        @Override public int hashCode() { return hash; }
    }
}
