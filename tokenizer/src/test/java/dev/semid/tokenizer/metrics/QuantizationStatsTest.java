package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class QuantizationStatsTest {
    // mean = (3, 2); Σ||z − mean||² = (4 + 0) + (0 + 4) + (4 + 4) = 16
    private static final Matrix Z = Matrix.of(new float[][] {{1, 2}, {3, 4}, {5, 0}});

    @Test
    void meanReconstructionGivesOne() {
        Matrix mean = Matrix.of(new float[][] {{3, 2}, {3, 2}, {3, 2}});
        assertEquals(1.0, QuantizationStats.relativeError(Z, mean), 1e-12);
    }

    @Test
    void exactReconstructionGivesZero() {
        assertEquals(0.0, QuantizationStats.relativeError(Z, Z));
    }

    @Test
    void handComputed() {
        // ẑ = z + 1 everywhere: Σ||z − ẑ||² = 6, so 6 / 16
        Matrix shifted = Matrix.of(new float[][] {{2, 3}, {4, 5}, {6, 1}});
        assertEquals(0.375, QuantizationStats.relativeError(Z, shifted), 1e-12);
    }

    @Test
    void constantInputIsZeroOrInfinite() {
        Matrix c = Matrix.of(new float[][] {{1, 1}, {1, 1}});
        assertEquals(0.0, QuantizationStats.relativeError(c, c));
        assertEquals(Double.POSITIVE_INFINITY, QuantizationStats.relativeError(c, Matrix.zeros(2, 2)));
    }

    @Test
    void mse() {
        // (0 + 1 + 4 + 9) / 4
        Matrix x = Matrix.of(new float[][] {{1, 2}, {3, 4}});
        Matrix xHat = Matrix.of(new float[][] {{1, 1}, {1, 1}});
        assertEquals(3.5, QuantizationStats.mse(x, xHat), 1e-12);
        assertEquals(0.0, QuantizationStats.mse(x, x));
    }

    @Test
    void shapeMismatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QuantizationStats.relativeError(Z, Matrix.zeros(3, 3)));
        assertTrue(e.getMessage().contains("3x2") && e.getMessage().contains("3x3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> QuantizationStats.mse(Z, Matrix.zeros(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> QuantizationStats.mse(Matrix.zeros(0, 2), Matrix.zeros(0, 2)));
    }
}
