package dev.semid.tokenizer.align;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;

/**
 * Aligned retraining: a newly trained model renumbered into an old model's vocabulary
 * ({@link CodeAlignment} over the codes both give the same items) and marked as its descendant
 * ({@link ModelLineage}). The items are usually the new model's training set; the old model only
 * encodes them, so it must take inputs of the same dimension and have the same L × K layout.
 */
public final class ModelAlignment {
    /**
     * @param model        the renumbered new model, lineage set
     * @param keptBefore   share of the items whose first l+1 codes the old and new model agree on, before renumbering
     * @param keptAfter    the same after renumbering
     */
    public record Result(QuantizerModel model, double[] keptBefore, double[] keptAfter) {}

    private ModelAlignment() {}

    public static Result align(QuantizerModel oldModel, QuantizerModel newModel, Matrix items, Device device) {
        if (oldModel.inputDim() != newModel.inputDim())
            throw new IllegalArgumentException("the old model takes " + oldModel.inputDim() + "-d embeddings and the new one "
                    + newModel.inputDim() + "-d: alignment needs both to encode the same items");
        if (oldModel.levels() != newModel.levels() || oldModel.codebookSize() != newModel.codebookSize())
            throw new IllegalArgumentException("the old model has " + oldModel.levels() + " levels × " + oldModel.codebookSize()
                    + " codes and the new one " + newModel.levels() + " × " + newModel.codebookSize() + ": alignment needs one layout");
        int[][] oldCodes = codes(oldModel, items, device), newCodes = codes(newModel, items, device);
        int[][] renumbering = CodeAlignment.renumbering(oldCodes, newCodes, newModel.levels(), newModel.codebookSize());
        QuantizerModel aligned = ModelLineage.descendant(RenumberedModel.of(newModel, renumbering), ModelFingerprint.of(oldModel),
                ModelLineage.of(oldModel));
        return new Result(aligned, keptPrefixes(oldCodes, newCodes), keptPrefixes(oldCodes, CodeAlignment.apply(newCodes, renumbering)));
    }

    private static int[][] codes(QuantizerModel m, Matrix items, Device device) {
        try (Tokenizer t = Tokenizers.open(m, device)) {
            return t.codes(items);
        }
    }

    /** share[l] = the share of rows whose first l+1 codes agree. */
    static double[] keptPrefixes(int[][] a, int[][] b) {
        int levels = a.length == 0 ? 0 : a[0].length;
        double[] share = new double[levels];
        for (int i = 0; i < a.length; i++)
            for (int l = 0; l < levels && a[i][l] == b[i][l]; l++) share[l]++;
        for (int l = 0; l < levels; l++) share[l] /= Math.max(1, a.length);
        return share;
    }
}
