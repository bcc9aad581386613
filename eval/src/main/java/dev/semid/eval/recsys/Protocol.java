package dev.semid.eval.recsys;

import java.util.List;

/**
 * What a recommender evaluation measures, validated once here.
 *
 * @param split      target item: {@link Split#TEST} (last) or {@link Split#VALIDATION} (second-to-last)
 * @param maxHistory the history a system sees is capped to this many most recent items (TIGER: 20)
 * @param ks         cut-offs K for Recall@K and NDCG@K, ascending and distinct
 * @param seen       what happens to items seen before the target
 */
public record Protocol(Split split, int maxHistory, List<Integer> ks, SeenItems seen) {
    public static final int DEFAULT_MAX_HISTORY = 20;
    public static final List<Integer> DEFAULT_KS = List.of(5, 10, 20);

    public Protocol {
        if (split == null || seen == null) throw new IllegalArgumentException("split and seen-items policy are required");
        if (maxHistory < 1) throw new IllegalArgumentException("max history must be >= 1, got " + maxHistory);
        if (ks == null || ks.isEmpty()) throw new IllegalArgumentException("at least one K is required");
        ks = List.copyOf(ks);
        for (int i = 0; i < ks.size(); i++) {
            if (ks.get(i) < 1) throw new IllegalArgumentException("K must be >= 1, got " + ks.get(i));
            if (i > 0 && ks.get(i) <= ks.get(i - 1)) throw new IllegalArgumentException("K values must be ascending and distinct, got " + ks);
        }
    }

    public static Protocol defaults() {
        return new Protocol(Split.TEST, DEFAULT_MAX_HISTORY, DEFAULT_KS, SeenItems.KEEP);
    }

    public int maxK() { return ks.get(ks.size() - 1); }
}
