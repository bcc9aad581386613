package dev.semid.genrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import dev.semid.genrec.data.IdTrie;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.nn.Masks;

/**
 * The trie as additive logit masks, so that training normalises each position's softmax over the
 * tokens that can follow the prefix — the distribution trie-constrained beam search decodes:
 * log p(t_l | t_&lt;l) = z_{t_l} − log Σ_{c ∈ children(t_&lt;l)} e^{z_c}.
 * Level l holds one row per trie node at depth l (0 for its children's tokens, a large negative
 * elsewhere); every item knows its node at each depth.
 */
final class TrieMasks {
    private final NDArray[] rows;      // [depth] → [nodes(depth), V_depth]
    private final NDArray itemNodes;   // [items, P] node of each item at each depth

    TrieMasks(NDManager m, IdTrie trie, ItemCodes codes) {
        int p = trie.positions();
        rows = new NDArray[p];
        for (int d = 0; d < p; d++) {
            int v = codes.vocab(d), nodes = trie.nodes(d);
            float[] mask = new float[nodes * v];
            java.util.Arrays.fill(mask, Masks.HIDDEN);
            for (int n = 0; n < nodes; n++)
                for (int s = trie.firstChild(d, n); s < trie.endChild(d, n); s++) mask[n * v + trie.childToken(d, s)] = 0f;
            rows[d] = m.create(mask, new Shape(nodes, v));
        }
        long[] at = new long[trie.items() * p];
        for (int i = 0; i < trie.items(); i++)
            for (int d = 0; d < p; d++) at[i * p + d] = trie.nodeOf(i, d);
        itemNodes = m.create(at, new Shape(trie.items(), p));
    }

    /**
     * log p of each target item's token at {@code depth}, normalised over its prefix's children.
     *
     * @param logits [N, V_depth]
     * @param items  [N] target items (int64)
     * @param tokens [N, P] the targets' tokens (int64)
     */
    NDArray logProb(NDArray logits, int depth, NDArray items, NDArray tokens) {
        NDArray node = itemNodes.get(new NDIndex("{}, {}", items, depth));
        NDArray masked = logits.add(rows[depth].get(new NDIndex("{}", node)));
        NDArray target = tokens.get(new NDIndex(":, {}", depth)).reshape(-1, 1);
        return masked.logSoftmax(-1).gather(target, 1).reshape(-1);
    }
}
