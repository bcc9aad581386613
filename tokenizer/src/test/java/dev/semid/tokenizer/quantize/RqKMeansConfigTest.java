package dev.semid.tokenizer.quantize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RqKMeansConfigTest {
    @Test void builderDefaultsAndNames() {
        assertEquals(new RqKMeansConfig(3, 256, 30, false, false, 42, 0, RqKMeansConfig.DEFAULT_SAMPLE, 0, Seeding.AUTO), RqKMeansConfig.defaults());
        assertEquals(new RqKMeansConfig(2, 16, 5, true, true, 7, 0, RqKMeansConfig.DEFAULT_SAMPLE, 0, Seeding.PLUS_PLUS), RqKMeansConfig.builder().levels(2).codes(16).iterations(5)
                .balancedLastLevel(true).standardize(true).seed(7).seeding(Seeding.PLUS_PLUS).build());
        var e = assertThrows(IllegalArgumentException.class, () -> RqKMeansConfig.builder().codes(1).build());
        assertTrue(e.getMessage().contains("codes"), e.getMessage());
    }
}
