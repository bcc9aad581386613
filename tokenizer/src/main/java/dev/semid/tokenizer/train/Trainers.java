package dev.semid.tokenizer.train;

import ai.djl.Device;
import dev.semid.tokenizer.Trainer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;

import java.util.List;

/**
 * The training methods by name: rqkmeans (RQ-KMeans, {@link RqKMeansTrainer}) and RQ-VAE
 * ({@link RqVaeTrainer}) plain (rqvae), with Wasserstein matching (wasserstein), with GRIT-VQ
 * (grit) or with both (wasserstein+grit).
 */
public final class Trainers {
    /** The method names, as models record them. */
    public static final List<String> METHODS = List.of("rqkmeans", "rqvae", "wasserstein", "grit", "wasserstein+grit");

    private Trainers() {}

    /** The trainer of {@code method}, configured from the parts of {@code settings} that method uses. */
    public static Trainer of(String method, TrainerSettings settings, Device device, TrainingListener listener) {
        boolean w, g;
        switch (method) {
            case "rqkmeans" -> { return new RqKMeansTrainer(settings.rqKMeans(), listener); }
            case "rqvae" -> { w = false; g = false; }
            case "wasserstein" -> { w = true; g = false; }
            case "grit" -> { w = false; g = true; }
            case "wasserstein+grit", "grit+wasserstein" -> { w = true; g = true; }
            default -> throw new IllegalArgumentException("unknown training method '" + method + "': use "
                    + String.join(", ", METHODS.subList(0, METHODS.size() - 1)) + " or " + METHODS.getLast());
        }
        WassersteinConfig wasserstein = w ? settings.wasserstein() : null;
        GritConfig grit = g ? settings.grit() : null;
        return new RqVaeTrainer(settings.rqVae().withMethods(wasserstein, grit), device, listener);
    }
}
