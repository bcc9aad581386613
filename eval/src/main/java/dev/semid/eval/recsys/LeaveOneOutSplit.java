package dev.semid.eval.recsys;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The leave-one-out split of TIGER, GRID, SASRec: for a user with items i_1..i_n (oldest first)
 * the test target is i_n, the validation target i_{n−1}, and i_1..i_{n−2} are training data.
 * The history of a target is everything before it (for the test target that includes the
 * validation item), capped to the last {@link Protocol#maxHistory()} items.
 *
 * <p>Users with fewer than {@value #MIN_ITEMS} items have no training item and are skipped
 * (counted, never evaluated), so the test and validation splits cover the same users. The
 * standard 5-core data has at least 5 items per user.
 */
public final class LeaveOneOutSplit {
    public static final int MIN_ITEMS = 3;

    /** The cases of one split, and how many users were too short to evaluate. */
    public record Cases(List<EvalCase> cases, int skippedUsers) {}

    private LeaveOneOutSplit() {}

    public static Cases cases(Interactions data, Split split, int maxHistory) {
        if (maxHistory < 1) throw new IllegalArgumentException("max history must be >= 1, got " + maxHistory);
        List<EvalCase> out = new ArrayList<>(data.userCount());
        int skipped = 0;
        for (int u = 0; u < data.userCount(); u++) {
            int[] seq = data.sequences()[u];
            if (seq.length < MIN_ITEMS) {
                skipped++;
                continue;
            }
            int t = split == Split.TEST ? seq.length - 1 : seq.length - 2;
            int[] history = Arrays.copyOfRange(seq, Math.max(0, t - maxHistory), t);
            int[] seen = Arrays.stream(seq, 0, t).distinct().sorted().toArray();
            out.add(new EvalCase(u, history, seq[t], seen));
        }
        return new Cases(List.copyOf(out), skipped);
    }

    /**
     * Interactions per item in the training part only (i_1..i_{n−2} of every user, whichever
     * split is evaluated), so no validation or test item leaks into popularity.
     */
    public static int[] trainingCounts(Interactions data) {
        int[] counts = new int[data.items().size()];
        for (int[] seq : data.sequences())
            for (int i = 0; i < seq.length - 2; i++) counts[seq[i]]++;
        return counts;
    }
}
