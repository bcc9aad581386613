package dev.semid.genrec.model;

import ai.djl.ndarray.NDArray;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.nn.Embedding;
import dev.semid.genrec.nn.FeedForward;
import dev.semid.genrec.nn.LayerNorm;
import dev.semid.genrec.nn.Linear;
import dev.semid.genrec.nn.Mode;
import dev.semid.genrec.nn.ParamStore;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact model's output head, one ID token at a time: for position l, with the user state h
 * and the tokens t_1..t_{l−1} already decoded,
 * q_l = h + Σ_{j<l} F[t_j],  u_l = LN(q_l + FFN_l(LN(q_l))),  z_l = W_l·u_l + b_l,
 * so each level's distribution depends on the whole prefix (F: prefix embeddings, one row per
 * position and token).
 */
final class CodeHead {
    private final Embedding prefix;
    private final List<LayerNorm> inNorm = new ArrayList<>(), outNorm = new ArrayList<>();
    private final List<FeedForward> ff = new ArrayList<>();
    private final List<Linear> out = new ArrayList<>();
    private final float dropout;

    CodeHead(ParamStore p, GenRecConfig cfg, TokenVocab vocab, int[] vocabs) {
        this.dropout = (float) cfg.dropout();
        this.prefix = new Embedding(p, "head.prefix", vocab.size(), cfg.dModel(), 1 / Math.sqrt(cfg.dModel()));
        for (int l = 0; l < vocabs.length; l++) {
            inNorm.add(new LayerNorm(p, "head" + l + ".inNorm", cfg.dModel()));
            ff.add(new FeedForward(p, "head" + l + ".ff", cfg.dModel(), cfg.headHidden(), dropout));
            outNorm.add(new LayerNorm(p, "head" + l + ".outNorm", cfg.dModel()));
            out.add(new Linear(p, "head" + l + ".out", cfg.dModel(), vocabs[l], true));
        }
    }

    /** Prefix embeddings of table rows [N, P] → cumulative sums [N, P, d]: entry l is Σ_{j≤l} F[t_j]. */
    NDArray cumulativePrefix(NDArray rows) {
        return prefix.lookup(rows).cumSum(1);
    }

    /** Σ_j F[t_j] over the given table rows [N, l] → [N, d]. */
    NDArray prefixSum(NDArray rows) {
        return prefix.lookup(rows).sum(new int[] {1});
    }

    /** z_l for queries q_l [N, d] → [N, V_l]. */
    NDArray logits(NDArray q, int level, Mode mode) {
        NDArray u = q.add(mode.dropout(ff.get(level).apply(inNorm.get(level).apply(q), mode), dropout));
        return out.get(level).apply(outNorm.get(level).apply(u));
    }
}
