package dev.semid.tokenizer.sid;

import java.util.List;

/**
 * A code tuple is shared by more items than the dedup token can number (token > maxDedup), and
 * the item cannot spill: spilling is off or has no alternatives, or every alternative tuple is
 * full too ({@link #everyAlternativeFull}). Thrown instead of wrapping, which would silently give
 * two items the same semantic ID.
 */
public class DedupOverflowException extends RuntimeException {
    private final int[] codes;
    private final int groupSize;
    private final int maxDedup;
    private final List<String> sampleItemIds;

    /**
     * @param codes            the overflowing code tuple
     * @param groupSize        how many items share it (including the one being added, when streaming)
     * @param maxDedup         the configured limit
     * @param sampleItemIds    a few of the items, in {@link ItemIdOrder}
     * @param otherOverflowing how many further code tuples overflow too
     */
    public DedupOverflowException(int[] codes, int groupSize, int maxDedup, List<String> sampleItemIds,
                                  int otherOverflowing) {
        this(message(codes, groupSize, maxDedup, sampleItemIds, otherOverflowing), codes, groupSize, maxDedup, sampleItemIds);
    }

    private DedupOverflowException(String message, int[] codes, int groupSize, int maxDedup, List<String> sampleItemIds) {
        super(message);
        this.codes = codes.clone();
        this.groupSize = groupSize;
        this.maxDedup = maxDedup;
        this.sampleItemIds = List.copyOf(sampleItemIds);
    }

    /**
     * Spilling was tried: the item's own tuple and each of its {@code alternatives} tuples hold
     * maxDedup + 1 items already.
     */
    public static DedupOverflowException everyAlternativeFull(int[] codes, int alternatives, int maxDedup, String itemId) {
        String m = "dedup token overflow: code tuple " + CodeTuple.text(codes) + " and all " + alternatives
                + " tuples it could spill to hold " + (maxDedup + 1) + " items each (maxDedup is " + maxDedup
                + "), so item '" + itemId + "' gets no ID. Raise maxDedup, or use more levels or codes.";
        return new DedupOverflowException(m, codes, maxDedup + 2, maxDedup, List.of(itemId));
    }

    private static String message(int[] codes, int groupSize, int maxDedup, List<String> sample, int others) {
        StringBuilder sb = new StringBuilder("dedup token overflow: code tuple ").append(CodeTuple.text(codes))
                .append(" is shared by ").append(groupSize).append(" items, which needs tokens 0..")
                .append(groupSize - 1).append(", but maxDedup is ").append(maxDedup)
                .append(" (items ").append(String.join(", ", sample))
                .append(groupSize > sample.size() ? ", ..." : "").append(')');
        if (others > 0) sb.append("; ").append(others).append(" more code tuple(s) overflow too");
        return sb.append(". Raise maxDedup, enable re-assignment, or use more levels or codes.").toString();
    }

    public int[] codes() { return codes.clone(); }
    public int groupSize() { return groupSize; }
    public int maxDedup() { return maxDedup; }
    public List<String> sampleItemIds() { return sampleItemIds; }
}
