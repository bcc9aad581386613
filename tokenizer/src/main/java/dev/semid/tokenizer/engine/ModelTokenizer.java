package dev.semid.tokenizer.engine;

import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.rq.ResidualQuantizer;

/** What every engine's tokenizer shares: the model it runs, its quantizer, shapes and fingerprint, and the batch check. */
abstract class ModelTokenizer implements Tokenizer {
    protected final QuantizerModel model;
    private final ResidualQuantizer quantizer;
    private final String fingerprint;

    ModelTokenizer(QuantizerModel model) {
        this.model = model;
        this.quantizer = ResidualQuantizer.of(model.codebooks());
        this.fingerprint = ModelFingerprint.of(model);
    }

    public QuantizerModel model() { return model; }

    @Override public int dimension() { return model.inputDim(); }
    @Override public int levels() { return model.levels(); }
    @Override public int codebookSize() { return model.codebookSize(); }
    @Override public int latentDim() { return model.latentDim(); }
    @Override public String fingerprint() { return fingerprint; }
    @Override public ResidualQuantizer quantizer() { return quantizer; }

    /** Refuses a batch of another dimension than the model's input, naming both. */
    protected void checkBatch(Matrix batch) {
        if (batch.cols() != model.inputDim())
            throw new IllegalArgumentException("embeddings have dimension " + batch.cols() + ", the model expects " + model.inputDim());
    }
}
