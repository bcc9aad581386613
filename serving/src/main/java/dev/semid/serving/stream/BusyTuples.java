package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The code tuples that got IDs in the last {@code window} assignments, each with the dedup tokens
 * it had left after its latest one: the busiest are those closest to spilling. Not thread-safe:
 * its owner locks.
 */
public final class BusyTuples {
    /** A tuple and its dedup tokens left. */
    public record Busy(CodeTuple tuple, int tokensLeft) {}

    private static final Comparator<Busy> ORDER = Comparator.comparingInt(Busy::tokensLeft).thenComparing(Busy::tuple);

    private final SlidingCounts<CodeTuple> assigned;
    private final Map<CodeTuple, Integer> left = new HashMap<>();

    public BusyTuples(int window) { this.assigned = new SlidingCounts<>(window); }

    public void add(CodeTuple tuple, int tokensLeft) {
        CodeTuple gone = assigned.add(tuple);
        if (gone != null) left.remove(gone);
        left.put(tuple, tokensLeft);
    }

    /** Assignments in the window. */
    public int count() { return assigned.count(); }

    /** The {@code n} tuples with the fewest tokens left, fewest first (ties in tuple order). */
    public List<Busy> busiest(int n) {
        List<Busy> all = new ArrayList<>(left.size());
        left.forEach((t, k) -> all.add(new Busy(t, k)));
        all.sort(ORDER);
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The tuple with the fewest tokens left (ties: the first in tuple order), or null when there is none: {@code busiest(1)} without the sort. */
    public Busy fewest() {
        Busy min = null;
        for (Map.Entry<CodeTuple, Integer> e : left.entrySet()) {
            Busy b = new Busy(e.getKey(), e.getValue());
            if (min == null || ORDER.compare(b, min) < 0) min = b;
        }
        return min;
    }

    /** The fewest tokens any of them has left, or −1 when there are none. */
    public int fewestLeft() {
        Busy b = fewest();
        return b == null ? -1 : b.tokensLeft();
    }
}
