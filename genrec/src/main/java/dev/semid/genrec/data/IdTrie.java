package dev.semid.genrec.data;

import dev.semid.tokenizer.sid.CodeTuple;

import java.util.Arrays;

/**
 * The prefix tree of the IDs that exist: depth d holds one node per distinct prefix of d tokens
 * (depth 0 is the root), numbered 0..{@link #nodes(int)}−1 per depth in token order; a node's
 * children are the tokens that follow its prefix in some ID, ascending. The leaves (depth P,
 * P = tokens per ID) are items. Decoding walks it so that only existing IDs are ever emitted.
 */
public final class IdTrie {
    private final int positions;
    private final int[][] start;   // [depth][node] → first child slot; [depth][nodes] = end
    private final int[][] code;    // [depth][slot] → token of that child
    private final int[][] child;   // [depth][slot] → node at depth + 1 (at the last depth: the item)
    private final int[][] pathNode; // [item][depth] → node at that depth on the item's path

    private IdTrie(int positions, int[][] start, int[][] code, int[][] child, int[][] pathNode) {
        this.positions = positions;
        this.start = start;
        this.code = code;
        this.child = child;
        this.pathNode = pathNode;
    }

    public static IdTrie of(ItemCodes ids) {
        int n = ids.items(), p = ids.positions();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int[][] t = new int[n][];
        for (int i = 0; i < n; i++) t[i] = ids.tokens(i);
        Arrays.sort(order, (a, b) -> CodeTuple.compare(t[a], t[b])); // ID order: the codes, then the dedup token
        for (int r = 1; r < n; r++)
            if (CodeTuple.compare(t[order[r]], t[order[r - 1]]) == 0)
                throw new IllegalArgumentException("items " + order[r - 1] + " and " + order[r] + " share the ID " + CodeTuple.text(t[order[r]]));
        // In sorted order a new node starts at depth d where a tuple first differs from the previous one.
        int[][] pathNode = new int[n][p + 1];
        int[] count = new int[p + 1];
        count[0] = 1;
        for (int r = 0; r < n; r++) {
            int[] row = t[order[r]];
            int diff = r == 0 ? 0 : Arrays.mismatch(t[order[r - 1]], row);
            for (int d = 1; d <= p; d++) {
                if (d > diff) count[d]++;
                pathNode[order[r]][d] = count[d] - 1;
            }
        }
        int[][] start = new int[p][], code = new int[p][], child = new int[p][];
        // children of a node are the next depth's nodes start[d][node] .. start[d][node + 1] − 1
        for (int d = 0; d < p; d++) {
            start[d] = new int[count[d] + 1];
            code[d] = new int[count[d + 1]];
            child[d] = new int[count[d + 1]];
        }
        for (int r = 0; r < n; r++) {
            int item = order[r];
            int[] row = t[item];
            for (int d = 0; d < p; d++) {
                int node = pathNode[item][d], next = pathNode[item][d + 1];
                // child slots are the next depth's node numbers: a node's children are consecutive there
                code[d][next] = row[d];
                child[d][next] = d + 1 == p ? item : next;
                start[d][node + 1] = next + 1;
            }
        }
        for (int d = 0; d < p; d++)
            for (int k = 1; k < start[d].length; k++) start[d][k] = Math.max(start[d][k], start[d][k - 1]);
        return new IdTrie(p, start, code, child, pathNode);
    }

    /** Tokens per ID. */
    public int positions() { return positions; }
    public int items() { return pathNode.length; }
    public int nodes(int depth) { return depth == positions ? pathNode.length : start[depth].length - 1; }

    public int firstChild(int depth, int node) { return start[depth][node]; }
    public int endChild(int depth, int node) { return start[depth][node + 1]; }
    /** The token of child slot s of a node at {@code depth}. */
    public int childToken(int depth, int slot) { return code[depth][slot]; }
    /** The node at depth + 1 of child slot s; at the last depth, the item. */
    public int childNode(int depth, int slot) { return child[depth][slot]; }

    /** The node at {@code depth} on the path of {@code item} (depth 0: the root, 0). */
    public int nodeOf(int item, int depth) { return pathNode[item][depth]; }
}
