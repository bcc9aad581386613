package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.data.Matrix;

/**
 * Reconstruction quality, accumulated in double ({@link ErrorSums}):
 * relative error = Σ_i ||z_i − ẑ_i||² / Σ_i ||z_i − mean(z)||² (1 = no better than the mean,
 * 0 = exact), and mse = (1 / (N·d)) Σ_{i,j} (x_ij − x̂_ij)².
 */
public final class QuantizationStats {
    private QuantizationStats() {}

    /**
     * Relative quantization error of ẑ against z. When z has no spread (all rows equal) the ratio
     * is undefined: 0 if ẑ = z exactly, else +∞.
     */
    public static double relativeError(Matrix z, Matrix zHat) {
        return ErrorSums.of(z, zHat).relativeError();
    }

    /** Mean squared error over all N·d elements. */
    public static double mse(Matrix x, Matrix xHat) {
        return ErrorSums.of(x, xHat).mse();
    }
}
