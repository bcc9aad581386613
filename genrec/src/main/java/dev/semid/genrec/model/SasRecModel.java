package dev.semid.genrec.model;

import dev.semid.genrec.decode.Ranking;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.semid.eval.math.TopK;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.nn.Embedding;
import dev.semid.genrec.nn.Mode;

import java.util.List;

/**
 * SASRec (Kang &amp; McAuley 2018) with the full-softmax loss: one embedding e_i per item, a causal
 * transformer over the history, score(i | h) = h·e_i (input and output embeddings tied), and
 * cross-entropy over all items at every position — the loss under which SASRec is a strong
 * baseline on Beauty (the original sampled BCE loss scores far lower). Ranks every item exactly.
 */
public final class SasRecModel extends GenRecModel {
    private static final int USERS_PER_BLOCK = 512;

    private final Embedding itemEmb;
    private final CausalTrunk trunk;

    public SasRecModel(GenRecConfig cfg, int items, Device device) {
        super(cfg, items, device);
        this.itemEmb = new Embedding(params, "items", items + 1, cfg.dModel(), 1 / Math.sqrt(cfg.dModel()));
        this.trunk = new CausalTrunk(params, cfg, cfg.maxHistory());
    }

    @Override public boolean causal() { return true; }

    private NDArray states(Padded in, NDManager m, Mode mode) {
        return trunk.apply(itemEmb.lookup(in.rows(m)), in, mode);
    }

    /** Scores of every item [N, items] for states [N, d] (row 0 of the table is padding). */
    private NDArray scores(NDArray h) {
        return h.matMul(itemEmb.table().get(new NDIndex("1:")).transpose());
    }

    @Override public NDArray loss(List<int[]> batch) {
        Targets t = Targets.causal(batch, cfg.maxHistory());
        NDArray h = states(t.inputs(), manager, Mode.TRAIN);
        NDArray rows = h.reshape(-1, cfg.dModel()).get(new NDIndex("{}", manager.create(t.positions())));
        NDArray target = manager.create(t.items()).reshape(-1, 1);
        return scores(rows).logSoftmax(-1).gather(target, 1).mean().neg();
    }

    @Override public float[] logLikelihood(int[][] histories, int[] targets) {
        try (NDScope scope = new NDScope()) {
            NDManager m = manager;
            NDArray h = CausalTrunk.last(states(Padded.left(histories, cfg.maxHistory()), m, Mode.INFER));
            long[] t = new long[targets.length];
            for (int i = 0; i < t.length; i++) t[i] = targets[i];
            return scores(h).logSoftmax(-1).gather(m.create(t).reshape(-1, 1), 1).reshape(-1).toFloatArray();
        }
    }

    /** Item embeddings as learned (for collaborative semantic IDs): [items, d]. */
    public float[] itemEmbeddings() {
        return itemEmb.table().get(new NDIndex("1:")).toFloatArray();
    }

    @Override public Ranking recommend(int[][] histories, int k) {
        int n = histories.length, kk = Math.min(k, items);
        int[][] out = new int[n][];
        float[][] outScores = new float[n][];
        for (int from = 0; from < n; from += USERS_PER_BLOCK) {
            int to = Math.min(n, from + USERS_PER_BLOCK);
            float[] s;
            try (NDScope scope = new NDScope()) {
            NDManager m = manager;
                NDArray h = CausalTrunk.last(states(Padded.left(java.util.Arrays.copyOfRange(histories, from, to), cfg.maxHistory()), m, Mode.INFER));
                s = scores(h).toFloatArray();
            }
            for (int u = from; u < to; u++) {
                int[] best = new int[kk];
                int got = TopK.select(s, (u - from) * items, items, kk, -1, best);
                out[u] = java.util.Arrays.copyOf(best, got);
                outScores[u] = new float[got];
                for (int i = 0; i < got; i++) outScores[u][i] = s[(u - from) * items + best[i]];
            }
        }
        return new Ranking(out, outScores);
    }
}
