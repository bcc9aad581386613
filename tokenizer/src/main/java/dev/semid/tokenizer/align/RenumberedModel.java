package dev.semid.tokenizer.align;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A model with its codes renumbered: code j of level l becomes renumbering[l][j], i.e. codebook
 * row j moves to row renumbering[l][j]. Encoding picks the same codewords, so the quantization
 * and reconstruction are unchanged; only the numbers differ (and with them the fingerprint).
 */
public final class RenumberedModel {
    private RenumberedModel() {}

    public static QuantizerModel of(QuantizerModel m, int[][] renumbering) {
        if (renumbering.length != m.levels())
            throw new IllegalArgumentException("a renumbering of " + renumbering.length + " levels for a model of " + m.levels());
        List<Matrix> books = new ArrayList<>();
        for (int l = 0; l < m.levels(); l++) {
            Matrix book = m.codebooks().get(l);
            int k = book.rows(), d = book.cols();
            int[] to = renumbering[l];
            checkPermutation(to, k, l);
            float[] moved = new float[k * d];
            for (int j = 0; j < k; j++) System.arraycopy(book.data(), j * d, moved, to[j] * d, d);
            books.add(new Matrix(k, d, moved));
        }
        return new QuantizerModel(m.method(), m.inputDim(), m.inputMean(), m.inputScale(), m.encoder(), books, m.decoder(),
                m.settings(), m.metrics());
    }

    private static void checkPermutation(int[] to, int k, int level) {
        if (to.length != k) throw new IllegalArgumentException("level " + (level + 1) + ": a renumbering of " + to.length + " codes for " + k);
        boolean[] seen = new boolean[k];
        for (int t : to) {
            if (t < 0 || t >= k || seen[t]) throw new IllegalArgumentException("level " + (level + 1) + ": the renumbering is not a permutation of 0.." + (k - 1));
            seen[t] = true;
        }
    }
}
