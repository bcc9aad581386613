package dev.semid.tokenizer;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.metrics.DriftReference;
import dev.semid.tokenizer.metrics.QuantizationStats;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.rq.ResidualQuantizer;
import dev.semid.tokenizer.sid.Assignment;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.LastLevelCosts;
import dev.semid.tokenizer.sid.RankedTuples;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.List;

/**
 * Batch tokenization of a catalogue: codes from the {@link Tokenizer}, optional Sinkhorn
 * re-assignment of colliding items, dedup tokens from the {@link SemanticIdAssigner} (items past
 * a full tuple spilled to the nearest tuple with room, ranked by the quantizer), and the metrics
 * (usage, collisions, quantization error). No files: callers read and write.
 */
public final class Tokenization {
    /** Rows per tokenizer call, so progress can be reported on large inputs. */
    private static final int SLICE = 65_536;

    public interface Progress { void update(long done, long total); }

    /**
     * @param codes           the quantizer's codes (an ID's tuple differs where the item was re-assigned or spilled)
     * @param spilled         items whose tuple had no dedup token left, placed in another
     * @param quantizationMse Σ||z − ẑ||² / (N·d) in the model's latent space
     */
    public record Result(List<String> ids, int[][] codes, List<SemanticId> sids, TokenizerMetrics metrics, int spilled,
                         double quantizationMse) {
        /** What the service compares streamed items with, when these are the model's training items. */
        public DriftReference driftReference() { return DriftReference.of(quantizationMse, metrics.levels()); }
    }

    private Tokenization() {}

    public static Result run(Tokenizer tokenizer, EmbeddingSet items, CollisionConfig collisions, Progress progress) {
        Matrix x = items.vectors();
        int n = x.rows(), d = tokenizer.latentDim();
        int[][] codes = new int[n][];
        Matrix z = Matrix.zeros(n, d), zHat = Matrix.zeros(n, d);
        Matrix xHat = null;
        for (int from = 0; from < n; from += SLICE) {
            int to = Math.min(n, from + SLICE);
            Encoding e = tokenizer.encode(from == 0 && to == n ? x : x.slice(from, to), true);
            System.arraycopy(e.codes(), 0, codes, from, to - from);
            System.arraycopy(e.latent().data(), 0, z.data(), from * d, (to - from) * d);
            System.arraycopy(e.quantized().data(), 0, zHat.data(), from * d, (to - from) * d);
            if (e.reconstruction() != null) {
                if (xHat == null) xHat = Matrix.zeros(n, x.cols());
                System.arraycopy(e.reconstruction().data(), 0, xHat.data(), from * x.cols(), (to - from) * x.cols());
            }
            progress.update(to, n);
        }
        ResidualQuantizer q = tokenizer.quantizer();
        RankedTuples.Source ranking = (item, own) -> q.alternatives(z.row(item), own)::tuple;
        Assignment a = new SemanticIdAssigner(collisions).assign(items.ids(), codes, lastLevelCosts(q, codes, z), ranking);
        TokenizerMetrics m = TokenizerMetrics.of(codes, tokenizer.codebookSize(), a.ids(), z, zHat, x, xHat);
        return new Result(items.ids(), codes, a.ids(), m, a.spilled(), n == 0 ? 0 : QuantizationStats.mse(z, zHat));
    }

    /** ||r_L − c_{L,k}||² for every last-level code k, with r_L = z − Σ_{l<L} c_{l,k_l}. */
    static LastLevelCosts lastLevelCosts(ResidualQuantizer q, int[][] codes, Matrix z) {
        int last = q.levels() - 1;
        return item -> q.distances(last, q.residual(z.row(item), codes[item], last));
    }
}
