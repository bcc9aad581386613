package dev.semid.tokenizer.train;

import dev.semid.tokenizer.quantize.RqKMeansConfig;

/**
 * Every knob a training method may read, grouped by method. {@link Trainers} asks only for the
 * groups the chosen method uses, so the knobs of other methods are neither built nor checked.
 */
public interface TrainerSettings {
    RqKMeansConfig rqKMeans();

    /** The RQ-VAE knobs every RQ-VAE method shares; the method sets the Wasserstein and GRIT parts. */
    RqVaeConfig rqVae();

    WassersteinConfig wasserstein();

    GritConfig grit();
}
