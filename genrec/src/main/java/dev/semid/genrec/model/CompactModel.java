package dev.semid.genrec.model;

import dev.semid.genrec.decode.Ranking;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.data.IdTrie;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.decode.BeamSearch;
import dev.semid.genrec.decode.CodeDecoder;
import dev.semid.genrec.nn.Embedding;
import dev.semid.genrec.nn.Mode;

import java.util.List;

/**
 * The CPU preset. An item enters as the sum of its ID's token embeddings, x_i = Σ_p E[t_p(i)];
 * a causal transformer ({@link CausalTrunk}) turns the history into one state per position, and
 * every position is trained at once to emit the next item's ID token by token ({@link CodeHead}):
 * log p(i | h) = Σ_l log p(t_l(i) | h, t_&lt;l(i)), each factor normalised over the trie children of
 * the prefix ({@link TrieMasks}). Recommendations come from trie-constrained beam search.
 */
public final class CompactModel extends GenRecModel implements CodeDecoder {
    private static final int USERS_PER_BLOCK = 512;

    private final ItemCodes codes;
    private final IdTrie trie;
    private final TokenVocab vocab;
    private final Embedding tokens;
    private final CausalTrunk trunk;
    private final CodeHead head;
    private final TrieMasks masks;
    private final NDArray itemRows, itemTokens;

    public CompactModel(GenRecConfig cfg, ItemCodes codes, Device device) {
        super(cfg, codes.items(), device);
        this.codes = codes;
        this.trie = IdTrie.of(codes);
        this.vocab = new TokenVocab(codes.vocabs(), 1);
        this.tokens = new Embedding(params, "tokens", vocab.size(), cfg.dModel(), 1 / Math.sqrt(cfg.dModel()));
        this.trunk = new CausalTrunk(params, cfg, cfg.maxHistory());
        this.head = new CodeHead(params, cfg, vocab, codes.vocabs());
        this.masks = new TrieMasks(manager, trie, codes);
        this.itemRows = vocab.itemRows(manager, codes);
        this.itemTokens = TokenVocab.itemTokens(manager, codes);
    }

    public IdTrie trie() { return trie; }
    public ItemCodes codes() { return codes; }

    @Override public boolean causal() { return true; }

    private NDArray embed(NDArray rows) {
        return tokens.lookup(itemRows.get(new NDIndex("{}", rows))).sum(new int[] {2});
    }

    private NDArray states(Padded in, NDManager m, Mode mode) {
        return trunk.apply(embed(in.rows(m)), in, mode);
    }

    @Override public NDArray loss(List<int[]> batch) {
        Targets t = Targets.causal(batch, cfg.maxHistory());
        NDArray h = states(t.inputs(), manager, Mode.TRAIN);
        NDArray rows = h.reshape(-1, cfg.dModel()).get(new NDIndex("{}", manager.create(t.positions())));
        return logProb(rows, manager.create(t.items()), Mode.TRAIN).mean().neg();
    }

    /** Σ_l log p(t_l | h, t_&lt;l) of each target item, teacher-forced: [N]. */
    private NDArray logProb(NDArray h, NDArray targets, Mode mode) {
        NDArray toks = itemTokens.get(new NDIndex("{}", targets));
        NDArray cum = head.cumulativePrefix(itemRows.get(new NDIndex("{}", targets.add(1))));
        NDArray total = null;
        for (int l = 0; l < codes.positions(); l++) {
            NDArray q = l == 0 ? h : h.add(cum.get(new NDIndex(":, {}, :", l - 1)));
            NDArray lp = masks.logProb(head.logits(q, l, mode), l, targets, toks);
            total = total == null ? lp : total.add(lp);
        }
        return total;
    }

    @Override public float[] logLikelihood(int[][] histories, int[] targets) {
        try (NDScope scope = new NDScope()) {
            NDManager m = manager;
            Padded in = Padded.left(histories, cfg.maxHistory());
            NDArray h = CausalTrunk.last(states(in, m, Mode.INFER));
            long[] t = new long[targets.length];
            for (int i = 0; i < t.length; i++) t[i] = targets[i];
            return logProb(h, m.create(t), Mode.INFER).toFloatArray();
        }
    }

    @Override public Ranking recommend(int[][] histories, int k) {
        return new BeamSearch(trie, Math.max(cfg.beam(), k)).searchInBlocks(this, histories, k, USERS_PER_BLOCK);
    }

    // --- CodeDecoder: beam search's view of the model ---

    private record States(NDArray h) implements State {
        @Override public void close() { h.close(); }
    }

    @Override public int positions() { return codes.positions(); }
    @Override public int vocab(int position) { return codes.vocab(position); }

    @Override public State start(int[][] histories) {
        try (NDScope scope = new NDScope()) {
            NDArray h = CausalTrunk.last(states(Padded.left(histories, cfg.maxHistory()), manager, Mode.INFER));
            NDScope.unregister(h);
            return new States(h);
        }
    }

    @Override public float[] logits(State state, int[] rowHistory, int[][] prefixes, int position) {
        States s = (States) state;
        try (NDScope scope = new NDScope()) {
            NDManager m = manager;
            NDArray q = s.h().get(new NDIndex("{}", m.create(rowHistory)));
            if (position > 0) {
                long[] rows = new long[prefixes.length * position];
                for (int r = 0; r < prefixes.length; r++)
                    for (int j = 0; j < position; j++) rows[r * position + j] = vocab.row(j, prefixes[r][j]);
                q = q.add(head.prefixSum(m.create(rows, new Shape(prefixes.length, position))));
            }
            return head.logits(q, position, Mode.INFER).toFloatArray();
        }
    }
}
