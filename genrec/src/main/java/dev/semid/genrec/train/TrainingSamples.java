package dev.semid.genrec.train;

import dev.semid.eval.recsys.Interactions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The training part of the leave-one-out split (i_1..i_{n−2} of every user; the validation and
 * test items never enter) cut into what a model trains on.
 */
public final class TrainingSamples {
    private TrainingSamples() {}

    /** The training part of every user's sequence (empty for users with fewer than 3 items). */
    public static List<int[]> trainingParts(Interactions data) {
        List<int[]> out = new ArrayList<>(data.userCount());
        for (int[] s : data.sequences()) out.add(s.length < 3 ? new int[0] : Arrays.copyOf(s, s.length - 2));
        return out;
    }

    /**
     * Windows of at most {@code maxHistory + 1} items, each position predicting the next: the most
     * recent window first, earlier ones overlapping it by one item, so every training target is
     * predicted exactly once, from at most {@code maxHistory} items before it.
     */
    public static List<int[]> windows(List<int[]> parts, int maxHistory) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : parts) {
            int end = s.length;
            while (end >= 2) {
                int start = Math.max(0, end - (maxHistory + 1));
                out.add(Arrays.copyOfRange(s, start, end));
                if (start == 0) break;
                end = start + 1;
            }
        }
        return out;
    }

    /** One example per training target i_t (t ≥ 2): the ≤ maxHistory items before it, then the target. */
    public static List<int[]> examples(List<int[]> parts, int maxHistory) {
        List<int[]> out = new ArrayList<>();
        for (int[] s : parts)
            for (int t = 1; t < s.length; t++) out.add(Arrays.copyOfRange(s, Math.max(0, t - maxHistory), t + 1));
        return out;
    }
}
