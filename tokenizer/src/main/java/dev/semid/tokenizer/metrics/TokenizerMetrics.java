package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.sid.CollisionStats;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.SemanticId;

import java.util.List;
import java.util.Locale;

/**
 * What every tokenizer run reports: per-level code usage, collisions of the code
 * tuples before the dedup token and of the full IDs after it, the relative quantization error
 * Σ||z − ẑ||² / Σ||z − mean z||² (in the model's own latent space), the reconstruction MSE and
 * the relative reconstruction error in the input space Σ||x − x̂||² / Σ||x − mean x||², the one
 * error comparable across models with different latents (null where not computed), and the
 * largest dedup token handed out.
 */
public record TokenizerMetrics(List<LevelStats> levels, CollisionStats beforeDedup, CollisionStats afterDedup,
                               Double relativeQuantizationError, Double reconstructionMse, Double inputRelativeError,
                               int maxDedupToken) {

    public TokenizerMetrics {
        levels = List.copyOf(levels);
    }

    /**
     * @param codes        the code tuples the IDs were built from (after re-assignment, if any)
     * @param codebookSize K of every level
     * @param ids          the assigned IDs, aligned with {@code codes}
     * @param z            encoder outputs, or null
     * @param zHat         their quantized reconstruction Σ_l c_{l,k_l}, or null
     * @param x            input embeddings, or null
     * @param xHat         reconstructions in the input's units (decoder outputs, or ẑ for a model without networks), or null
     */
    public static TokenizerMetrics of(int[][] codes, int codebookSize, List<SemanticId> ids,
                                      Matrix z, Matrix zHat, Matrix x, Matrix xHat) {
        MetricsTally t = new MetricsTally(codebookSize);
        t.addIds(codes, ids);
        t.addCodes(codes);
        t.addErrors(z, zHat, x, xHat);
        return t.metrics();
    }

    /** Usage and collisions only. */
    public static TokenizerMetrics of(int[][] codes, int codebookSize, List<SemanticId> ids) {
        return of(codes, codebookSize, ids, null, null, null, null);
    }

    /** A compact table for logs and the CLI. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-6s %13s %7s %11s %8s%n", "level", "used/K", "util", "perplexity", "largest"));
        for (LevelStats s : levels)
            sb.append(String.format(Locale.ROOT, "%-6d %13s %6.1f%% %11.1f %7.2f%%%n", s.level(),
                    s.usedCodes() + "/" + s.codebookSize(), 100 * s.utilisation(), s.perplexity(), 100 * s.largestShare()));
        CollisionStats b = beforeDedup;
        sb.append(String.format(Locale.ROOT, "distinct IDs before dedup: %d / %d items (collision rate %.2f%%, %d colliding items, largest group %d)%n",
                b.distinctIds(), b.items(), 100 * b.collisionRate(), b.collidingItems(), b.largestGroup()));
        sb.append(String.format(Locale.ROOT, "distinct IDs after dedup:  %d / %d items (max dedup token %d)%n",
                afterDedup.distinctIds(), afterDedup.items(), maxDedupToken));
        sb.append("rel. quantization error: ").append(format(relativeQuantizationError, "no latents given")).append('\n');
        sb.append("recon MSE: ").append(format(reconstructionMse, "no reconstruction")).append('\n');
        sb.append("rel. input-space error: ").append(format(inputRelativeError, "no reconstruction")).append('\n');
        return sb.toString();
    }

    private static String format(Double v, String whyMissing) {
        return v == null ? "n/a (" + whyMissing + ")" : String.format(Locale.ROOT, "%.6g", v);
    }
}
