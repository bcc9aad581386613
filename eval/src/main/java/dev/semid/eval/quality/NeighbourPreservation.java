package dev.semid.eval.quality;

import dev.semid.tokenizer.sid.CodeGroups;

import java.util.ArrayList;
import java.util.List;

/**
 * Do items that are near in embedding space share ID prefixes? For each level ℓ:
 * <pre>
 *   share_ℓ  = (1 / (N·k)) Σ_i Σ_{j ∈ NN_k(i)} [prefix_ℓ(i) = prefix_ℓ(j)]
 *   random_ℓ = Σ_g n_g (n_g − 1) / (N (N − 1))
 * </pre>
 * where n_g are the sizes of the ℓ-prefix groups. random_ℓ is the exact expectation of share_ℓ
 * when the same IDs are dealt to the items in a uniformly random order (any two distinct items
 * then share a prefix with that probability), so it keeps the code usage and only removes the
 * link to the embeddings; lift = share / random (null when random is 0: no two items share the prefix).
 */
public record NeighbourPreservation(int k, List<Level> levels) {
    public record Level(int level, double share, double random, Double lift) {}

    /** @param neighbours {@code [i]} = the k nearest neighbours of item i (the item itself excluded) */
    public static NeighbourPreservation of(int[][] neighbours, int[][] codes) {
        int n = codes.length;
        if (neighbours.length != n) throw new IllegalArgumentException(neighbours.length + " neighbour lists for " + n + " items");
        int k = neighbours[0].length;
        List<Level> out = new ArrayList<>();
        for (int l = 1; l <= codes[0].length; l++) {
            CodeGroups g = CodeGroups.of(codes, l);
            long same = 0;
            for (int i = 0; i < n; i++)
                for (int j : neighbours[i]) if (g.groupOf(i) == g.groupOf(j)) same++;
            double pairs = 0;
            for (int grp = 0; grp < g.groupCount(); grp++) pairs += (double) g.size(grp) * (g.size(grp) - 1);
            double share = (double) same / ((double) n * k), random = pairs / ((double) n * (n - 1));
            out.add(new Level(l, share, random, random == 0 ? null : share / random));
        }
        return new NeighbourPreservation(k, List.copyOf(out));
    }
}
