package dev.semid.tokenizer.quantize;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RqKMeansConfigTest {
    @Test void builderDefaultsAndNames() {
        assertEquals(new RqKMeansConfig(3, 256, 30, false, 1.5, false, 42, 0, RqKMeansConfig.DEFAULT_SAMPLE, 0, Seeding.AUTO), RqKMeansConfig.defaults());
        assertEquals(new RqKMeansConfig(2, 16, 5, true, 2, true, 7, 0, RqKMeansConfig.DEFAULT_SAMPLE, 0, Seeding.PLUS_PLUS), RqKMeansConfig.builder().levels(2).codes(16).iterations(5)
                .balancedLastLevel(true).clusterCap(2).standardize(true).seed(7).seeding(Seeding.PLUS_PLUS).build());
        var e = assertThrows(IllegalArgumentException.class, () -> RqKMeansConfig.builder().codes(1).build());
        assertTrue(e.getMessage().contains("codes"), e.getMessage());
        var cap = assertThrows(IllegalArgumentException.class, () -> RqKMeansConfig.builder().clusterCap(0.5).build());
        assertTrue(cap.getMessage().contains("cluster cap"), cap.getMessage());
    }

    @Test void capOfEachLevel() {
        RqKMeansConfig capped = RqKMeansConfig.defaults();
        assertEquals(1.5, capped.capOfLevel(0));
        assertEquals(1.5, capped.capOfLevel(2));
        RqKMeansConfig balancedLast = RqKMeansConfig.builder().balancedLastLevel(true).build();
        assertEquals(1.5, balancedLast.capOfLevel(1));
        assertEquals(1.0, balancedLast.capOfLevel(2));
        assertEquals(0.0, RqKMeansConfig.builder().miniBatch(1024).build().capOfLevel(0), "mini-batch levels are uncapped");
        assertEquals(0.0, RqKMeansConfig.builder().clusterCap(0).build().capOfLevel(1));
    }
}
