package dev.semid.tokenizer;

/** Receives progress from a trainer (the CLI draws a progress bar from it). */
public interface TrainingListener {
    default void onStart(String what, int epochs) {}
    default void onStep(int epoch, int step, int steps) {}
    default void onEpoch(EpochReport report) {}
    default void onMessage(String message) {}

    TrainingListener NONE = new TrainingListener() {};
}
