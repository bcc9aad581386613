package dev.semid.genrec.train;

import dev.semid.tokenizer.TrainingListener;

/** Training progress: steps and messages as for any trainer, and one report per epoch. */
public interface GenRecListener extends TrainingListener {
    default void onRecommenderEpoch(GenRecEpoch epoch) {}

    GenRecListener NONE = new GenRecListener() {};
}
