package dev.semid.eval.recsys;

/**
 * One user's test case.
 *
 * @param user    the user's index in {@link Interactions#users()}
 * @param history the items before the target, oldest first, capped to the most recent ones
 * @param target  the held-out item
 * @param seen    the distinct items of the whole prefix before the target, ascending
 */
public record EvalCase(int user, int[] history, int target, int[] seen) {}
