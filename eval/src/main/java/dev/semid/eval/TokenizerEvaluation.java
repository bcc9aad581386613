package dev.semid.eval;

import dev.semid.eval.math.NearestNeighbours;
import dev.semid.eval.quality.IdSet;
import dev.semid.eval.quality.TokenizerQuality;
import dev.semid.eval.report.TokenizerReport;
import dev.semid.tokenizer.data.EmbeddingSet;

import java.util.ArrayList;
import java.util.List;

/**
 * One tokenizer-quality evaluation: for each ID set, code usage, collisions per prefix length, the
 * prefix tree and, given the items' embeddings, how many of each item's k nearest neighbours (by
 * cosine) share its ℓ-level prefix. The CLI reads or tokenizes the ID sets; this measures them.
 *
 * @param neighbours      k of the nearest-neighbour test (0: skip it)
 * @param largestSubtrees largest prefixes listed per level
 * @param threads         threads of the neighbour search
 */
public record TokenizerEvaluation(int neighbours, int largestSubtrees, int threads) {
    /** Hears how long the neighbour search took (the CLI prints it). */
    public interface Listener {
        void onNeighbours(int k, int items, double seconds);

        Listener NONE = (k, items, seconds) -> {};
    }

    public TokenizerEvaluation {
        if (neighbours < 0 || largestSubtrees < 0) throw new IllegalArgumentException("--neighbours and --largest-subtrees must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }

    /** @param items the embeddings the sets' items come from, or null (no neighbour test); {@code source} names them */
    public TokenizerReport run(List<IdSet> sets, EmbeddingSet items, String source, Listener listener) {
        int[][] nn = null;
        if (items != null && neighbours > 0) {
            long t0 = System.nanoTime();
            nn = NearestNeighbours.cosine(items.vectors(), neighbours, threads);
            listener.onNeighbours(neighbours, items.size(), (System.nanoTime() - t0) / 1e9);
        }
        List<TokenizerQuality> qualities = new ArrayList<>();
        for (IdSet s : sets) qualities.add(TokenizerQuality.of(s, nn, largestSubtrees));
        return new TokenizerReport(TokenizerReport.KIND, source, nn == null ? null : neighbours, qualities);
    }
}
