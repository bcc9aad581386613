package dev.semid.eval.recsys;

import java.util.List;

/**
 * A system under evaluation: scores every catalogue item for a block of cases. Higher scores
 * rank first; {@link Float#NEGATIVE_INFINITY} means "not recommended" (never a hit, e.g. an
 * item missing from a predictions file). Implementations are thread-safe: the evaluator calls
 * them from several threads on different blocks.
 */
public interface Recommender {
    String name();

    /**
     * Fills {@code out[(c − from) · items + j]} with the score of item j for case c, for every
     * case c in [from, to).
     */
    void score(List<EvalCase> cases, int from, int to, float[] out);

    /**
     * The order that breaks ties of equal scores: {@code tieOrder[j]} is item j's position (lower
     * ranks first), or null for item-id order (the catalogue index).
     */
    default int[] tieOrder() { return null; }
}
