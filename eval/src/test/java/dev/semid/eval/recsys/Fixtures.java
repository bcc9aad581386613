package dev.semid.eval.recsys;

import java.util.List;

/** Small hand-checked data sets for the protocol tests. */
final class Fixtures {
    private Fixtures() {}

    /**
     * Items "1".."6" (indices 0..5); users: u1 = 1 2 3 4, u2 = 5 6 (too short), u3 = 2 5 2 (its
     * test item 2 is also in its history). Training parts: u1 → 1 2, u3 → 2; popularity [1, 2, 0, 0, 0, 0].
     */
    static Interactions tiny() {
        ItemCatalog items = ItemCatalog.of(List.of("1", "2", "3", "4", "5", "6"));
        return new Interactions(List.of("u1", "u2", "u3"), items, new int[][] {{0, 1, 2, 3}, {4, 5}, {1, 4, 1}});
    }

    static Protocol protocol(SeenItems seen, Integer... ks) {
        return new Protocol(Split.TEST, Protocol.DEFAULT_MAX_HISTORY, List.of(ks), seen);
    }

    /** A recommender with fixed scores, the same for every user. */
    static Recommender fixed(float[] scores, int[] tieOrder) {
        return new Recommender() {
            @Override public String name() { return "fixed"; }
            @Override public int[] tieOrder() { return tieOrder; }
            @Override public void score(List<EvalCase> cases, int from, int to, float[] out) {
                for (int c = 0; c < to - from; c++) System.arraycopy(scores, 0, out, c * scores.length, scores.length);
            }
        };
    }
}
