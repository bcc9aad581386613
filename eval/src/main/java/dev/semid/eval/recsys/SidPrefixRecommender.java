package dev.semid.eval.recsys;

import dev.semid.tokenizer.sid.CodeGroups;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ranks items by how deep a prefix of their semantic ID they share with the history, so two
 * tokenizers can be compared through one recommender. With history h_1..h_H (oldest first) and
 * lcp(j, h) the number of leading codes items j and h share:
 * <pre>
 *   score(j) = max over p, over 1 ≤ ℓ ≤ lcp(j, h_p), of  ℓ·H + (p − 1)        (0 when no p shares a code)
 * </pre>
 * i.e. first the longest shared prefix with any history item, then the most recent history item
 * that shares it. Equal scores (the same depth through the same history item, or nothing
 * shared) are ordered by training popularity, most popular first, then by item id.
 * Only the quantizer levels are compared, never a dedup token.
 */
public final class SidPrefixRecommender implements Recommender {
    private final String name;
    private final int n;
    private final CodeGroups[] prefixGroups; // [ℓ − 1]: items grouped by their first ℓ codes
    private final int[] tieOrder;

    /**
     * @param codes          quantizer codes of every catalogue item, in catalogue order
     * @param trainingCounts popularity for the tie order ({@link LeaveOneOutSplit#trainingCounts})
     */
    public SidPrefixRecommender(String name, int[][] codes, int[] trainingCounts) {
        if (codes.length != trainingCounts.length)
            throw new IllegalArgumentException(codes.length + " code tuples for " + trainingCounts.length + " items");
        if (codes.length == 0 || codes[0].length == 0) throw new IllegalArgumentException("no codes");
        this.name = name;
        this.n = codes.length;
        int levels = codes[0].length;
        prefixGroups = new CodeGroups[levels];
        for (int l = 0; l < levels; l++) prefixGroups[l] = CodeGroups.of(codes, l + 1);
        Integer[] byPopularity = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byPopularity, Comparator.<Integer>comparingInt(j -> -trainingCounts[j]).thenComparingInt(j -> j));
        tieOrder = new int[n];
        for (int pos = 0; pos < n; pos++) tieOrder[byPopularity[pos]] = pos;
    }

    @Override public String name() { return name; }

    @Override public int[] tieOrder() { return tieOrder; }

    @Override public void score(List<EvalCase> cases, int from, int to, float[] out) {
        for (int c = 0; c < to - from; c++) {
            int o = c * n;
            Arrays.fill(out, o, o + n, 0f);
            int[] h = cases.get(from + c).history();
            int big = h.length;
            for (int p = 0; p < h.length; p++) {
                for (int l = 0; l < prefixGroups.length; l++) {
                    CodeGroups groups = prefixGroups[l];
                    int g = groups.groupOf(h[p]);
                    float s = (l + 1) * big + p; // exact in float: (levels + 1) · H stays far below 2^24
                    for (int r = 0, size = groups.size(g); r < size; r++) {
                        int j = groups.member(g, r);
                        if (out[o + j] < s) out[o + j] = s;
                    }
                }
            }
        }
    }
}
