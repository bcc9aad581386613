package dev.semid.genrec.decode;

import dev.semid.eval.math.TopK;
import dev.semid.genrec.data.IdTrie;
import dev.semid.genrec.decode.Ranking;

import java.util.Arrays;

/**
 * Trie-constrained beam search: at each position every beam is extended only by the tokens that
 * follow its prefix in some existing ID, scored by
 * log p(t | prefix) = z_t − log Σ_{c ∈ children(prefix)} e^{z_c},
 * and the {@code width} best prefixes (sum of log-probabilities) are kept; at the last position
 * the prefixes are whole IDs, i.e. items. Ties go to the earlier trie node (token order), so the
 * result is deterministic. Only valid IDs can be emitted, whatever the model's logits.
 */
public final class BeamSearch {
    private final IdTrie trie;
    private final int width;

    public BeamSearch(IdTrie trie, int width) {
        if (width < 1) throw new IllegalArgumentException("beam width must be >= 1, got " + width);
        this.trie = trie;
        this.width = width;
    }

    /** As {@link #search}, {@code block} histories at a time (bounds the memory of the beams' decoder rows). */
    public Ranking searchInBlocks(CodeDecoder model, int[][] histories, int k, int block) {
        int[][] items = new int[histories.length][];
        float[][] scores = new float[histories.length][];
        for (int from = 0; from < histories.length; from += block) {
            int to = Math.min(histories.length, from + block);
            Ranking r = search(model, Arrays.copyOfRange(histories, from, to), k);
            System.arraycopy(r.items(), 0, items, from, to - from);
            System.arraycopy(r.scores(), 0, scores, from, to - from);
        }
        return new Ranking(items, scores);
    }

    /** The best {@code min(k, width)} items for each history, best first. */
    public Ranking search(CodeDecoder model, int[][] histories, int k) {
        if (k > width) throw new IllegalArgumentException("K = " + k + " needs a beam at least as wide (beam " + width + ")");
        int users = histories.length, p = trie.positions();
        // beams of user u: beamNode[u][0..count[u]), their scores and tokens so far
        int[][] node = new int[users][1];
        float[][] score = new float[users][1];
        int[][][] tokens = new int[users][1][0];
        try (CodeDecoder.State state = model.start(histories)) {
            for (int d = 0; d < p; d++) {
                int rows = 0;
                for (int u = 0; u < users; u++) rows += node[u].length;
                int[] rowUser = new int[rows];
                int[][] prefixes = new int[rows][];
                for (int u = 0, r = 0; u < users; u++)
                    for (int b = 0; b < node[u].length; b++, r++) {
                        rowUser[r] = u;
                        prefixes[r] = tokens[u][b];
                    }
                float[] logits = model.logits(state, rowUser, prefixes, d);
                int v = model.vocab(d);
                for (int u = 0, r = 0; u < users; u++) {
                    int beams = node[u].length;
                    int candidates = 0;
                    for (int b = 0; b < beams; b++) candidates += trie.endChild(d, node[u][b]) - trie.firstChild(d, node[u][b]);
                    float[] cScore = new float[candidates];
                    int[] cBeam = new int[candidates], cSlot = new int[candidates];
                    int c = 0;
                    for (int b = 0; b < beams; b++, r++) {
                        int from = trie.firstChild(d, node[u][b]), to = trie.endChild(d, node[u][b]);
                        double max = Double.NEGATIVE_INFINITY;
                        for (int s = from; s < to; s++) max = Math.max(max, logits[r * v + trie.childToken(d, s)]);
                        double sum = 0;
                        for (int s = from; s < to; s++) sum += Math.exp(logits[r * v + trie.childToken(d, s)] - max);
                        double lse = max + Math.log(sum);
                        for (int s = from; s < to; s++, c++) {
                            cScore[c] = (float) (score[u][b] + (logits[r * v + trie.childToken(d, s)] - lse));
                            cBeam[c] = b;
                            cSlot[c] = s;
                        }
                    }
                    int keep = Math.min(width, candidates);
                    int[] best = new int[keep];
                    keep = TopK.select(cScore, 0, candidates, keep, -1, best);
                    int[] nNode = new int[keep];
                    float[] nScore = new float[keep];
                    int[][] nTokens = new int[keep][];
                    for (int i = 0; i < keep; i++) {
                        int ci = best[i];
                        nNode[i] = trie.childNode(d, cSlot[ci]);
                        nScore[i] = cScore[ci];
                        nTokens[i] = Arrays.copyOf(tokens[u][cBeam[ci]], d + 1);
                        nTokens[i][d] = trie.childToken(d, cSlot[ci]);
                    }
                    node[u] = nNode;
                    score[u] = nScore;
                    tokens[u] = nTokens;
                }
            }
        }
        int[][] items = new int[users][];
        float[][] scores = new float[users][];
        for (int u = 0; u < users; u++) {
            int n = Math.min(k, node[u].length);
            items[u] = Arrays.copyOf(node[u], n); // at the last depth the nodes are items
            scores[u] = Arrays.copyOf(score[u], n);
        }
        return new Ranking(items, scores);
    }
}
