package dev.semid.eval.recsys;

/** Which held-out item of the leave-one-out split is the target. */
public enum Split {
    /** The last item; the history is everything before it (the validation item included). */
    TEST,
    /** The second-to-last item; the history is everything before it. */
    VALIDATION
}
