package dev.semid.tokenizer.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CodeUsageTest {
    @Test
    void uniformUsageOverFourCodes() {
        LevelStats s = CodeUsage.perLevel(new int[][] {{0}, {1}, {2}, {3}}, 8).get(0);
        assertEquals(new LevelStats(1, 4, 8, 0.5, s.perplexity(), 0.25), s);
        assertEquals(4.0, s.perplexity(), 1e-12);
    }

    @Test
    void singleCode() {
        LevelStats s = CodeUsage.perLevel(new int[][] {{2}, {2}, {2}}, 8).get(0);
        assertEquals(1, s.usedCodes());
        assertEquals(0.125, s.utilisation());
        assertEquals(1.0, s.perplexity(), 1e-12);
        assertEquals(1.0, s.largestShare());
    }

    @Test
    void perLevelWithSkewedUsage() {
        // level 1: {0: 2, 1: 2} -> perplexity 2; level 2: {0: 3, 1: 1}
        // H = -(0.75 ln 0.75 + 0.25 ln 0.25) = 0.5623351446, exp(H) = 1.7547654
        List<LevelStats> levels = CodeUsage.perLevel(new int[][] {{0, 0}, {0, 0}, {1, 0}, {1, 1}}, 4);
        assertEquals(2, levels.size());
        assertEquals(1, levels.get(0).level());
        assertEquals(2.0, levels.get(0).perplexity(), 1e-12);
        assertEquals(0.5, levels.get(0).largestShare());
        assertEquals(2, levels.get(1).level());
        assertEquals(1.7547654, levels.get(1).perplexity(), 1e-6);
        assertEquals(0.75, levels.get(1).largestShare());
        assertEquals(0.5, levels.get(1).utilisation());
    }

    @Test
    void perLevelCodebookSizes() {
        List<LevelStats> levels = CodeUsage.perLevel(new int[][] {{0, 5}, {1, 5}}, new int[] {2, 10});
        assertEquals(1.0, levels.get(0).utilisation());
        assertEquals(0.1, levels.get(1).utilisation());
    }

    @Test
    void rejectsCodesOutsideTheCodebook() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CodeUsage.perLevel(new int[][] {{0, 4}}, 4))
                .getMessage().contains("code 4"));
        assertThrows(IllegalArgumentException.class, () -> CodeUsage.perLevel(new int[][] {{0, 1}, {0}}, 4));
        assertEquals(List.of(), CodeUsage.perLevel(new int[0][], 4));
    }
}
