package dev.semid.eval.io;

import dev.semid.eval.quality.IdSet;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.InputException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts per-item data (embedding rows, ID codes) into the order of another item list (the
 * catalogue of the sequences, the rows of the embeddings). Every wanted item must be there;
 * extra items are ignored. A missing one fails naming the file and the item.
 */
public final class Alignment {
    private Alignment() {}

    /** {@code rows[i]} = position in {@code have} of {@code want.get(i)}. */
    public static int[] rows(List<String> have, List<String> want, String src, String what) {
        Map<String, Integer> index = new HashMap<>(have.size() * 2);
        for (int r = 0; r < have.size(); r++) index.put(have.get(r), r);
        int[] rows = new int[want.size()];
        for (int i = 0; i < want.size(); i++) {
            Integer r = index.get(want.get(i));
            if (r == null) throw new InputException(src, "item '" + want.get(i) + "'", "has no " + what
                    + " (" + have.size() + " items in this file, " + want.size() + " needed)");
            rows[i] = r;
        }
        return rows;
    }

    public static Matrix embeddings(EmbeddingSet set, List<String> want, String src) {
        return set.vectors().select(rows(set.ids(), want, src, "embedding"));
    }

    public static int[][] codes(IdSet ids, List<String> want, String src) {
        int[] rows = rows(ids.itemIds(), want, src, "semantic ID");
        int[][] out = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) out[i] = ids.codes()[rows[i]];
        return out;
    }

    /** The same ID set restricted to, and ordered as, {@code want}. */
    public static IdSet restrict(IdSet ids, List<String> want, String src) {
        return new IdSet(ids.name(), want, codes(ids, want, src), ids.codebookSize(), ids.relativeQuantizationError());
    }
}
