package dev.semid.eval.quality;

import dev.semid.tokenizer.sid.CodeGroups;
import dev.semid.tokenizer.sid.CodeTuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The shape of the prefix tree of the IDs: a node at depth ℓ is a distinct ℓ-code prefix.
 * Per level: nodes N_ℓ, mean branching N_ℓ / N_{ℓ−1} (N_0 = 1, the root), the most children of
 * one depth-(ℓ−1) node, and the largest subtrees (the prefixes holding the most items).
 */
public record PrefixTreeStats(List<Level> levels) {
    public record Subtree(String prefix, int items) {}

    public record Level(int level, int nodes, double meanBranching, int maxBranching, List<Subtree> largest) {}

    public static PrefixTreeStats of(int[][] codes, int largestPerLevel) {
        int levels = codes[0].length;
        List<Level> out = new ArrayList<>(levels);
        CodeGroups parent = null;
        for (int l = 1; l <= levels; l++) {
            CodeGroups g = CodeGroups.of(codes, l);
            int parents = parent == null ? 1 : parent.groupCount();
            int[] children = new int[parents];
            for (int node = 0; node < g.groupCount(); node++)
                children[parent == null ? 0 : parent.groupOf(g.member(node, 0))]++;
            CodeGroups groups = g;
            List<Subtree> largest = IntStream.range(0, g.groupCount()).boxed()
                    .sorted(Comparator.comparingInt((Integer node) -> -groups.size(node)).thenComparingInt(node -> node))
                    .limit(largestPerLevel)
                    .map(node -> new Subtree(CodeTuple.text(codes[groups.member(node, 0)], groups.prefixLength()), groups.size(node)))
                    .toList();
            out.add(new Level(l, g.groupCount(), (double) g.groupCount() / parents, Arrays.stream(children).max().orElse(0), largest));
            parent = g;
        }
        return new PrefixTreeStats(List.copyOf(out));
    }
}
