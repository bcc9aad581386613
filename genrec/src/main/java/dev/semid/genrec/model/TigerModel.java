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
import dev.semid.genrec.nn.LayerNorm;
import dev.semid.genrec.nn.Linear;
import dev.semid.genrec.nn.Masks;
import dev.semid.genrec.nn.Mode;
import dev.semid.genrec.nn.TransformerLayer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TIGER (Rajput et al. 2023) as GRID configures it: an encoder over the full IDs of the last
 * ≤ 20 items (T·P tokens, one per level and the dedup token, each position with a vocabulary of
 * its own), and a decoder that emits the next item's ID token by token, attending to the
 * encoded history: log p(i | h) = Σ_l log p(t_l | t_&lt;l, Enc(h)), each factor normalised over the
 * trie children of the prefix. Positions are learned embeddings (item slot, token slot) rather
 * than T5's relative bias. Decoding keeps all beams of a history in one decoder row (a
 * block-diagonal causal mask keeps them apart), so the encoder memory is never copied per beam.
 */
public final class TigerModel extends GenRecModel implements CodeDecoder {
    private static final int USERS_PER_BLOCK = 64;
    private static final int BOS = 1;

    private final ItemCodes codes;
    private final IdTrie trie;
    private final TokenVocab vocab;
    private final Embedding tokens;
    private final NDArray itemSlots, tokenSlots, decoderSlots;
    private final List<TransformerLayer> encoder = new ArrayList<>(), decoder = new ArrayList<>();
    private final LayerNorm encoderNorm, decoderNorm;
    private final List<Linear> heads = new ArrayList<>();
    private final TrieMasks masks;
    private final NDArray itemRows, itemTokens;
    private final int p, d;
    private final float dropout;

    public TigerModel(GenRecConfig cfg, ItemCodes codes, Device device) {
        super(cfg, codes.items(), device);
        this.codes = codes;
        this.trie = IdTrie.of(codes);
        this.p = codes.positions();
        this.d = cfg.dModel();
        this.dropout = (float) cfg.dropout();
        this.vocab = new TokenVocab(codes.vocabs(), 2);
        this.tokens = new Embedding(params, "tokens", vocab.size(), d, 1 / Math.sqrt(d));
        // unit scale, as the √d-scaled token embeddings: which item and level a token is must be visible from the first step
        this.itemSlots = params.normal("encoder.itemSlots", 1.0, false, cfg.maxHistory(), d);
        this.tokenSlots = params.normal("encoder.tokenSlots", 1.0, false, p, d);
        this.decoderSlots = params.normal("decoder.slots", 1.0, false, p, d);
        for (int i = 0; i < cfg.layers(); i++)
            encoder.add(new TransformerLayer(params, "encoder.layer" + i, d, cfg.heads(), cfg.headDim(), cfg.ffDim(), dropout, false));
        this.encoderNorm = new dev.semid.genrec.nn.LayerNorm(params, "encoder.norm", d);
        for (int i = 0; i < cfg.decoderLayers(); i++)
            decoder.add(new TransformerLayer(params, "decoder.layer" + i, d, cfg.heads(), cfg.headDim(), cfg.ffDim(), dropout, true));
        this.decoderNorm = new LayerNorm(params, "decoder.norm", d);
        for (int l = 0; l < p; l++) heads.add(new Linear(params, "decoder.head" + l, d, codes.vocab(l), true));
        this.masks = new TrieMasks(manager, trie, codes);
        this.itemRows = vocab.itemRows(manager, codes);
        this.itemTokens = TokenVocab.itemTokens(manager, codes);
    }

    public IdTrie trie() { return trie; }

    @Override public boolean causal() { return false; }

    /** The encoded histories: memory [B, T·P, d] and its key mask [B, 1, 1, T·P]. */
    private record Encoded(NDArray memory, NDArray mask) {}

    private Encoded encode(Padded in, Mode mode) {
        int b = in.batch(), t = in.length();
        NDArray rows = itemRows.get(new NDIndex("{}", in.rows(manager))).reshape(b, (long) t * p);
        NDArray slots = itemSlots.get(new NDIndex((cfg.maxHistory() - t) + ":")).reshape(t, 1, d).add(tokenSlots.reshape(1, p, d))
                .reshape((long) t * p, d);
        NDArray x = mode.dropout(tokens.lookup(rows).mul((float) Math.sqrt(d)).add(slots), dropout);
        boolean[][] valid = new boolean[b][t * p];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < t * p; j++) valid[i][j] = in.valid()[i][j / p];
        NDArray mask = Masks.keys(manager, valid);
        for (TransformerLayer l : encoder) x = l.apply(x, mask, mode);
        return new Encoded(encoderNorm.apply(x), mask);
    }

    /** Decoder states [B, S, d] for token rows [B, S] at decoder slots, under a self-attention mask. */
    private NDArray decode(NDArray rows, NDArray slots, NDArray selfMask, List<NDArray[]> memory, NDArray crossMask, Mode mode) {
        NDArray x = mode.dropout(tokens.lookup(rows).mul((float) Math.sqrt(d)).add(slots), dropout);
        for (int i = 0; i < decoder.size(); i++) x = decoder.get(i).apply(x, selfMask, memory.get(i), crossMask, mode);
        return decoderNorm.apply(x);
    }

    private List<NDArray[]> memory(Encoded e) {
        List<NDArray[]> m = new ArrayList<>();
        for (TransformerLayer l : decoder) m.add(l.memory(e.memory()));
        return m;
    }

    /** Σ_l log p(t_l | t_&lt;l, history) of each target, teacher-forced: [B]. */
    private NDArray logProb(Padded in, NDArray targets, Mode mode) {
        Encoded e = encode(in, mode);
        NDArray targetRows = itemRows.get(new NDIndex("{}", targets.add(1)));            // [B, P]
        NDArray bos = manager.full(new Shape(in.batch(), 1), (long) BOS);
        NDArray input = bos.concat(targetRows.get(new NDIndex(":, :" + (p - 1))), 1); // [BOS, t_1 .. t_{P−1}]
        NDArray h = decode(input, decoderSlots, Masks.causal(manager, p), memory(e), e.mask(), mode);
        NDArray toks = itemTokens.get(new NDIndex("{}", targets));
        NDArray total = null;
        for (int l = 0; l < p; l++) {
            NDArray lp = masks.logProb(heads.get(l).apply(h.get(new NDIndex(":, {}, :", l))), l, targets, toks);
            total = total == null ? lp : total.add(lp);
        }
        return total;
    }

    @Override public NDArray loss(List<int[]> batch) {
        int[][] hist = new int[batch.size()][];
        long[] targets = new long[batch.size()];
        for (int i = 0; i < hist.length; i++) {
            int[] s = batch.get(i);
            hist[i] = Arrays.copyOf(s, s.length - 1);
            targets[i] = s[s.length - 1];
        }
        return logProb(Padded.left(hist, cfg.maxHistory()), manager.create(targets), Mode.TRAIN).mean().neg();
    }

    @Override public float[] logLikelihood(int[][] histories, int[] targets) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            long[] t = new long[targets.length];
            for (int i = 0; i < t.length; i++) t[i] = targets[i];
            return logProb(Padded.left(histories, cfg.maxHistory()), manager.create(t), Mode.INFER).toFloatArray();
        }
    }

    @Override public Ranking recommend(int[][] histories, int k) {
        return new BeamSearch(trie, Math.max(cfg.beam(), k)).searchInBlocks(this, histories, k, USERS_PER_BLOCK);
    }

    // --- CodeDecoder ---

    private record States(int users, List<NDArray[]> memory, NDArray mask) implements State {
        @Override public void close() {
            for (NDArray[] kv : memory) for (NDArray a : kv) a.close();
            mask.close();
        }
    }

    @Override public int positions() { return p; }
    @Override public int vocab(int position) { return codes.vocab(position); }

    @Override public State start(int[][] histories) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Encoded e = encode(Padded.left(histories, cfg.maxHistory()), Mode.INFER);
            List<NDArray[]> m = memory(e);
            for (NDArray[] kv : m) for (NDArray a : kv) NDScope.unregister(a);
            NDScope.unregister(e.mask());
            return new States(histories.length, m, e.mask());
        }
    }

    /**
     * All beams of a history decode in one row of W·(l+1) positions (beam w at w·(l+1) ..), under a
     * block-diagonal causal mask; histories with fewer beams repeat their first one.
     */
    @Override public float[] logits(State state, int[] rowHistory, int[][] prefixes, int position) {
        States s = (States) state;
        int users = s.users(), span = position + 1;
        int[] first = new int[users + 1];
        for (int r = 0; r < rowHistory.length; r++) {
            if (r > 0 && rowHistory[r] < rowHistory[r - 1]) throw new IllegalArgumentException("rows must be grouped by history");
            first[rowHistory[r] + 1]++;
        }
        int w = 0;
        for (int u = 0; u < users; u++) {
            w = Math.max(w, first[u + 1]);
            first[u + 1] += first[u];
        }
        long[] rows = new long[users * w * span];
        for (int u = 0; u < users; u++)
            for (int b = 0; b < w; b++) {
                int r = first[u] + (b < first[u + 1] - first[u] ? b : 0);
                int o = (u * w + b) * span;
                rows[o] = BOS;
                for (int j = 0; j < position; j++) rows[o + 1 + j] = vocab.row(j, prefixes[r][j]);
            }
        float[] mask = new float[w * span * w * span];
        Arrays.fill(mask, Masks.HIDDEN);
        for (int b = 0; b < w; b++)
            for (int i = 0; i <= position; i++)
                for (int j = 0; j <= i; j++) mask[(b * span + i) * w * span + b * span + j] = 0f;
        int v = codes.vocab(position);
        float[] out = new float[rowHistory.length * v];
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDManager m = manager;
            long[] slotOf = new long[w * span];
            for (int j = 0; j < slotOf.length; j++) slotOf[j] = j % span;
            NDArray slots = decoderSlots.get(new NDIndex("{}", m.create(slotOf)));
            NDArray h = decode(m.create(rows, new Shape(users, (long) w * span)), slots,
                    m.create(mask, new Shape(1, 1, (long) w * span, (long) w * span)), s.memory(), s.mask(), Mode.INFER);
            NDArray last = h.reshape(users, w, span, d).get(new NDIndex(":, :, {}, :", position));
            float[] all = heads.get(position).apply(last).toFloatArray(); // [users, w, v]
            for (int u = 0; u < users; u++)
                for (int b = 0; b < first[u + 1] - first[u]; b++)
                    System.arraycopy(all, (u * w + b) * v, out, (first[u] + b) * v, v);
        }
        return out;
    }
}
