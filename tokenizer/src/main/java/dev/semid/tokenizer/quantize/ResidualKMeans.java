package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.rq.ResidualQuantizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Residual k-means, the codebook initialiser of RQ-KMeans and of RQ-VAE: level l's codebook is a
 * k-means of the residuals r_l, and r_{l+1} = r_l − c_{l,k_l} with k-means' own assignment; r_0 = z.
 */
public final class ResidualKMeans {
    /** What one level's fit gave, for progress and metrics. */
    public record Level(int level, KMeans.Result fit, double seconds) {}

    private final int codes;
    private final IntFunction<KMeansConfig> configOfLevel;

    /** K codes per level; each level's k-means run as {@code configOfLevel} says (seeds differ per level). */
    public ResidualKMeans(int codes, IntFunction<KMeansConfig> configOfLevel) {
        this.codes = codes;
        this.configOfLevel = configOfLevel;
    }

    /** The L codebooks (K×d each) fitted to r, whose rows are overwritten with their final residuals r_L. */
    public List<Matrix> fit(Matrix r, int levels, Consumer<Level> onLevel) { return fit(r, levels, onLevel, (level, it, max) -> {}); }

    /** Progress inside a level: Lloyd iteration {@code it} of at most {@code max} finished on 0-based {@code level}. */
    public interface IterationListener { void onIteration(int level, int it, int max); }

    /** As {@link #fit(Matrix, int, Consumer)}, also reporting every Lloyd iteration. */
    public List<Matrix> fit(Matrix r, int levels, Consumer<Level> onLevel, IterationListener onIteration) {
        List<Matrix> books = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            long t0 = System.nanoTime();
            KMeansConfig config = configOfLevel.apply(l);
            int level = l;
            KMeans.Result res = new KMeans(config).fit(r, codes, it -> onIteration.onIteration(level, it, config.iterations()));
            ResidualQuantizer.subtractChosen(r, res.centers(), res.assignment());
            books.add(res.centers());
            onLevel.accept(new Level(l, res, (System.nanoTime() - t0) / 1e9));
        }
        return books;
    }
}
