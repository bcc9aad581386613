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
    public List<Matrix> fit(Matrix r, int levels, Consumer<Level> onLevel) {
        List<Matrix> books = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            long t0 = System.nanoTime();
            KMeans.Result res = new KMeans(configOfLevel.apply(l)).fit(r, codes);
            ResidualQuantizer.subtractChosen(r, res.centers(), res.assignment());
            books.add(res.centers());
            onLevel.accept(new Level(l, res, (System.nanoTime() - t0) / 1e9));
        }
        return books;
    }
}
