package dev.semid.tokenizer.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Named knobs: the defaults are the TIGER recipe, the builder round-trips, build() checks every knob. */
class RqVaeConfigTest {
    @Test void defaultsAreTheTigerRecipe() {
        RqVaeConfig c = RqVaeConfig.defaults();
        assertArrayEquals(new int[] {512, 256, 128}, c.hidden());
        assertEquals(32, c.latentDim());
        assertEquals(3, c.levels());
        assertEquals(256, c.codes());
        assertEquals(0.25, c.beta());
        assertEquals(1e-3, c.learningRate());
        assertEquals(1e-3, c.codebookLearningRate());
        assertEquals(1e-4, c.weightDecay());
        assertEquals(200, c.epochs());
        assertEquals(1024, c.batchSize());
        assertEquals(0.05, c.validationFraction());
        assertEquals(20, c.patience());
        assertTrue(c.kmeansInit());
        assertTrue(c.deadCodeReset());
        assertFalse(c.standardize());
        assertEquals(42, c.seed());
        assertNull(c.wasserstein());
        assertNull(c.grit());
        assertEquals("rqvae", c.method());
    }

    @Test void toBuilderRoundTripsAndChangesOnlyWhatIsSet() {
        RqVaeConfig c = RqVaeConfig.builder().hidden(64, 32).latentDim(8).codes(16).standardize(true).seed(7)
                .wasserstein(WassersteinConfig.defaults(2)).build();
        assertEquals(c, c.toBuilder().build());
        assertEquals(c.hashCode(), c.toBuilder().build().hashCode());
        RqVaeConfig longer = c.toBuilder().epochs(9).build();
        assertNotEquals(c, longer);
        assertEquals(c, longer.withEpochs(c.epochs()));
        assertEquals("wasserstein+grit", c.withMethods(c.wasserstein(), GritConfig.defaults(1)).method());
    }

    @Test void widthsAreCopied() {
        int[] widths = {16, 8};
        RqVaeConfig c = RqVaeConfig.builder().hidden(widths).build();
        widths[0] = 99;
        c.hidden()[1] = 99;
        assertArrayEquals(new int[] {16, 8}, c.hidden());
    }

    @Test void validationNamesTheKnob() {
        var e = assertThrows(IllegalArgumentException.class, () -> RqVaeConfig.builder().beta(-1).build());
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RqVaeConfig.builder().validationFraction(0.7).build());
        assertTrue(e.getMessage().contains("validation"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RqVaeConfig.builder().levels(2).grit(GritConfig.defaults(3)).build());
        assertTrue(e.getMessage().contains("grit level 3"), e.getMessage());
    }
}
