package dev.semid.tokenizer.train;

import ai.djl.Device;
import dev.semid.tokenizer.Trainer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The method name picks the trainer and which settings it reads; an unknown name lists the known ones. */
class TrainersTest {
    /** Settings whose RQ-VAE parts fail when read: a method that does not use them must not ask. */
    static TrainerSettings settings(boolean vaeReadable) {
        return new TrainerSettings() {
            @Override public RqKMeansConfig rqKMeans() { return RqKMeansConfig.defaults(); }
            @Override public RqVaeConfig rqVae() { return vaeReadable ? RqVaeConfig.defaults() : RqVaeConfig.builder().beta(-1).build(); }
            @Override public WassersteinConfig wasserstein() { return WassersteinConfig.defaults(3); }
            @Override public GritConfig grit() { return GritConfig.defaults(3); }
        };
    }

    static Trainer of(String method, boolean vaeReadable) {
        return Trainers.of(method, settings(vaeReadable), Device.cpu(), TrainingListener.NONE);
    }

    @Test void everyMethodNameGivesItsTrainer() {
        for (String method : Trainers.METHODS) assertEquals(method, of(method, true).method());
        assertEquals("wasserstein+grit", of("grit+wasserstein", true).method());
        assertInstanceOf(RqKMeansTrainer.class, of("rqkmeans", false));
        assertInstanceOf(RqVaeTrainer.class, of("grit", true));
    }

    @Test void rqVaeMethodsCheckTheirSettings() {
        var e = assertThrows(IllegalArgumentException.class, () -> of("rqvae", false));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
    }

    @Test void unknownMethodListsTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> of("vqvae", true));
        assertEquals("unknown training method 'vqvae': use rqkmeans, rqvae, wasserstein, grit or wasserstein+grit", e.getMessage());
    }
}
