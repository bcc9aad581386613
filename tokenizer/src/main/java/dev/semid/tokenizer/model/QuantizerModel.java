package dev.semid.tokenizer.model;

import dev.semid.tokenizer.data.Matrix;

import java.util.List;
import java.util.Map;

/**
 * Everything a trained residual quantizer is, as plain data: the optional input
 * standardisation x' = (x − mean) / scale, the encoder MLP (empty = identity, as in RQ-KMeans),
 * L codebooks of K×d codes applied residually, and the decoder MLP (empty = none).
 * ReLU between MLP layers, none after the last. Knows nothing of DJL or files.
 *
 * @param method   how it was trained (rqkmeans, rqvae, ...), for humans and reports
 * @param settings the training configuration, as written to model.json
 * @param metrics  training metrics (loss history, final metrics), as written to model.json
 */
public record QuantizerModel(String method, int inputDim, float[] inputMean, float[] inputScale,
                             List<DenseLayer> encoder, List<Matrix> codebooks, List<DenseLayer> decoder,
                             Map<String, Object> settings, Map<String, Object> metrics) {
    public QuantizerModel {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
        codebooks = List.copyOf(codebooks);
        settings = Map.copyOf(settings);
        metrics = Map.copyOf(metrics);
        if (codebooks.isEmpty()) throw new IllegalArgumentException("a quantizer needs at least one codebook");
        if ((inputMean == null) != (inputScale == null)) throw new IllegalArgumentException("mean and scale come together");
        if (inputMean != null && (inputMean.length != inputDim || inputScale.length != inputDim))
            throw new IllegalArgumentException("standardisation vectors must have the input dimension " + inputDim);
        int dim = inputDim;
        for (DenseLayer l : encoder) {
            if (l.in() != dim) throw new IllegalArgumentException("encoder layer expects " + l.in() + " inputs, gets " + dim);
            dim = l.out();
        }
        int k = codebooks.get(0).rows();
        for (Matrix c : codebooks) {
            if (c.cols() != dim) throw new IllegalArgumentException("codebook dimension " + c.cols() + " != latent " + dim);
            if (c.rows() != k) throw new IllegalArgumentException("all levels need the same number of codes");
        }
        int out = dim;
        for (DenseLayer l : decoder) {
            if (l.in() != out) throw new IllegalArgumentException("decoder layer expects " + l.in() + " inputs, gets " + out);
            out = l.out();
        }
        if (!decoder.isEmpty() && out != inputDim) throw new IllegalArgumentException("decoder must output " + inputDim);
    }

    public int levels() { return codebooks.size(); }
    public int codebookSize() { return codebooks.get(0).rows(); }
    public int latentDim() { return codebooks.get(0).cols(); }
    public boolean hasDecoder() { return !decoder.isEmpty(); }

    public QuantizerModel withMetrics(Map<String, Object> m) {
        return new QuantizerModel(method, inputDim, inputMean, inputScale, encoder, codebooks, decoder, settings, m);
    }
}
