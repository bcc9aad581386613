package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.CollisionStats;
import dev.semid.tokenizer.sid.CollisionTally;
import dev.semid.tokenizer.sid.SemanticId;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link TokenizerMetrics} is computed from, as sums that merge: n_k of every level and code,
 * the collision tallies before and after the dedup token, the largest token, and the error sums
 * of z against ẑ and of x against x̂. {@link TokenizerMetrics#of} fills one tally with a whole
 * catalogue; a distributed run fills one per part and merges them, and gets the same figures
 * (the error ratios up to the order of floating-point summation).
 */
public final class MetricsTally implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int codebookSize;
    private int[][] counts; // [level][code]; null until codes are added
    private long coded;
    private final CollisionTally beforeDedup = new CollisionTally(), afterDedup = new CollisionTally();
    private int maxDedupToken;
    private ErrorSums latent, input; // null: not measured

    public MetricsTally(int codebookSize) {
        if (codebookSize < 1) throw new IllegalArgumentException("codebook size must be >= 1, got " + codebookSize);
        this.codebookSize = codebookSize;
    }

    /** Counts the codes k_1..k_L of some items into each level's usage. */
    public void addCodes(int[][] codes) {
        if (codes.length == 0) return;
        int[] sizes = new int[codes[0].length];
        Arrays.fill(sizes, codebookSize);
        add(CodeUsage.counts(codes, sizes), codes.length);
    }

    /**
     * Counts the collisions of some items' code tuples before and after their dedup tokens, and the
     * largest token. All the items of a tuple come in one call: tallies of disjoint sets of tuples
     * merge exactly, a tuple split between two would count as two groups.
     */
    public void addIds(int[][] codes, List<SemanticId> ids) {
        if (ids.size() != codes.length)
            throw new IllegalArgumentException(ids.size() + " semantic IDs for " + codes.length + " code tuples");
        int[][] full = new int[ids.size()][];
        for (int i = 0; i < full.length; i++) {
            SemanticId id = ids.get(i);
            full[i] = id.withDedup();
            maxDedupToken = Math.max(maxDedupToken, id.dedup());
        }
        beforeDedup.merge(CollisionStats.tally(codes));
        afterDedup.merge(CollisionStats.tally(full));
    }

    /** Adds the errors of z against ẑ and of x against x̂ (the input's units); a pair with a null is not measured. */
    public void addErrors(Matrix z, Matrix zHat, Matrix x, Matrix xHat) {
        if (z != null && zHat != null) latent = ErrorSums.merge(latent, ErrorSums.of(z, zHat));
        if (x != null && xHat != null) input = ErrorSums.merge(input, ErrorSums.of(x, xHat));
    }

    /** Adds another part's tally (its tuples none of this one's). */
    public void merge(MetricsTally other) {
        if (other.codebookSize != codebookSize)
            throw new IllegalArgumentException("tallies of codebook sizes " + codebookSize + " and " + other.codebookSize);
        if (other.counts != null) add(other.counts, other.coded);
        beforeDedup.merge(other.beforeDedup);
        afterDedup.merge(other.afterDedup);
        maxDedupToken = Math.max(maxDedupToken, other.maxDedupToken);
        latent = ErrorSums.merge(latent, other.latent);
        input = ErrorSums.merge(input, other.input);
    }

    /** The metrics; the codes and the IDs of the same items must have been counted (each item once). */
    public TokenizerMetrics metrics() {
        long numbered = beforeDedup.items();
        if (coded != numbered)
            throw new IllegalStateException("the metrics counted the codes of " + coded + " items and the IDs of " + numbered
                    + ": a part is missing or was counted twice");
        List<LevelStats> levels = counts == null ? List.of() : CodeUsage.fromCounts(counts, Math.toIntExact(coded));
        Double rel = latent == null ? null : latent.relativeError();
        Double mse = input == null ? null : input.mse();
        Double inputRel = input == null ? null : input.relativeError();
        if (inputRel != null && inputRel.isInfinite()) inputRel = null; // inputs without spread: the ratio is undefined
        return new TokenizerMetrics(levels, beforeDedup.stats(), afterDedup.stats(), rel, mse, inputRel, maxDedupToken);
    }

    private void add(int[][] more, long items) {
        if (counts == null) {
            counts = new int[more.length][];
            for (int l = 0; l < more.length; l++) counts[l] = new int[more[l].length];
        } else if (counts.length != more.length) {
            throw new IllegalArgumentException("codes of " + more.length + " levels added to a tally of " + counts.length);
        }
        for (int l = 0; l < more.length; l++)
            for (int k = 0; k < more[l].length; k++) counts[l][k] = Math.addExact(counts[l][k], more[l][k]);
        coded += items;
    }
}
