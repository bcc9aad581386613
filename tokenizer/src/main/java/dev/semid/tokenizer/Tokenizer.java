package dev.semid.tokenizer;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.rq.ResidualQuantizer;

/**
 * The one contract the CLI, the service and eval use: embeddings in, residual codes out.
 * Pure and thread-safe after construction; no I/O. Only construction differs (trained or loaded).
 */
public interface Tokenizer extends AutoCloseable {
    int dimension();
    int levels();
    int codebookSize();
    int latentDim();

    /** Identifies the weights: every ID that leaves the system travels with it. */
    String fingerprint();

    /** Codes k_1..k_L for every row of {@code batch} (N×dimension). */
    default int[][] codes(Matrix batch) { return encode(batch, false).codes(); }

    default int[][] codes(float[][] batch) { return codes(Matrix.of(batch)); }

    /**
     * {@link #codes(Matrix)} for a batch the caller built for this call alone: the tokenizer may
     * use its memory as scratch (which saves copying it), so its values are undefined afterwards.
     */
    default int[][] codesOverwriting(Matrix batch) { return codes(batch); }

    /** Codes plus the latent z, its quantization ẑ and, if asked and there is a decoder, x̂. */
    Encoding encode(Matrix batch, boolean reconstruct);

    /** The codebooks (L × K×latentDim), as used for assignment. */
    ResidualQuantizer quantizer();

    @Override void close();
}
