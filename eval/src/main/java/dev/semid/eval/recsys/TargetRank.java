package dev.semid.eval.recsys;

/**
 * The 1-based rank of the target item in a full ranking of all items, without sorting:
 * rank(t) = 1 + #{j ≠ t, j not excluded : s_j > s_t, or s_j = s_t and j breaks ties ahead of t}.
 * Ties are broken deterministically by the recommender's tie order, by item id where it has
 * none. 0 means the target is not ranked at all: its score is −∞ or NaN ("not recommended"),
 * or it is excluded as a seen item.
 */
public final class TargetRank {
    public static final int NOT_RANKED = 0;

    private TargetRank() {}

    /**
     * @param scores    scores of items 0..n−1 at {@code scores[offset + j]}
     * @param excluded  distinct item indices removed from the ranking (ascending), or an empty array
     * @param tieOrder  position of each item among equal scores, or null for item-index order
     */
    public static int of(float[] scores, int offset, int n, int target, int[] excluded, int[] tieOrder) {
        float t = scores[offset + target];
        if (Float.isNaN(t) || t == Float.NEGATIVE_INFINITY) return NOT_RANKED;
        if (java.util.Arrays.binarySearch(excluded, target) >= 0) return NOT_RANKED;
        int ahead = 0;
        if (tieOrder == null) {
            // j < target wins ties, j > target does not: two branch-free counting loops.
            for (int j = 0; j < target; j++) if (scores[offset + j] >= t) ahead++;
            for (int j = target + 1; j < n; j++) if (scores[offset + j] > t) ahead++;
        } else {
            int tt = tieOrder[target];
            for (int j = 0; j < n; j++) {
                float s = scores[offset + j];
                if (s > t || (s == t && tieOrder[j] < tt)) ahead++;
            }
        }
        for (int j : excluded) {
            float s = scores[offset + j];
            if (s > t || (s == t && (tieOrder == null ? j < target : tieOrder[j] < tieOrder[target]))) ahead--;
        }
        return ahead + 1;
    }
}
