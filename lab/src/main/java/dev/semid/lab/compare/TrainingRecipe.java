package dev.semid.lab.compare;

import java.util.List;

/** The training settings every method of a comparison shares, as its report states them. */
public record TrainingRecipe(long seed, int epochs, int patience, int batchSize, List<Integer> hidden, int latentDim) {
    public TrainingRecipe {
        hidden = List.copyOf(hidden);
    }
}
