package dev.semid.eval.quality;

import java.util.List;

/**
 * A semantic-ID assignment to evaluate, ours or published: item ids with their quantizer codes
 * (levels k_1..k_L, never a dedup token), all levels drawn from a codebook of K codes.
 *
 * @param relativeQuantizationError Σ||z − ẑ||² / Σ||z − mean z||² when the model was given, else null
 */
public record IdSet(String name, List<String> itemIds, int[][] codes, int codebookSize, Double relativeQuantizationError) {
    public IdSet {
        itemIds = List.copyOf(itemIds);
        if (itemIds.size() != codes.length) throw new IllegalArgumentException(itemIds.size() + " items for " + codes.length + " code tuples");
        if (codes.length == 0) throw new IllegalArgumentException("ID set '" + name + "' has no items");
        if (codebookSize < 1) throw new IllegalArgumentException("codebook size must be >= 1, got " + codebookSize);
    }

    public int levels() { return codes[0].length; }
    public int items() { return codes.length; }
}
