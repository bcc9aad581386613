package dev.semid.serving.stream;

import java.util.HashMap;
import java.util.Map;

/** How often each key came among the last {@code window} added. Not thread-safe: its owner locks. */
public final class SlidingCounts<K> {
    private final Object[] ring;
    private final Map<K, Integer> counts = new HashMap<>();
    private int next, filled;

    public SlidingCounts(int window) { this.ring = new Object[window]; }

    /** Adds a key; returns the key that left the window for good (its last occurrence dropped out), or null. */
    @SuppressWarnings("unchecked")
    public K add(K key) {
        K gone = null;
        if (filled == ring.length) {
            K out = (K) ring[next];
            if (counts.merge(out, -1, Integer::sum) == 0) {
                counts.remove(out);
                gone = out;
            }
        } else filled++;
        ring[next] = key;
        counts.merge(key, 1, Integer::sum);
        next = (next + 1) % ring.length;
        return gone;
    }

    /** Keys added and still in the window, repeats counted. */
    public int count() { return filled; }

    /** Distinct keys in the window. */
    public int distinct() { return counts.size(); }
}
