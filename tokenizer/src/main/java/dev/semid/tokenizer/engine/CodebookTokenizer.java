package dev.semid.tokenizer.engine;

import dev.semid.tokenizer.Encoding;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.rq.ResidualQuantizer;

import java.util.stream.IntStream;

/**
 * Inference of a model whose encoder is the identity (RQ-KMeans and the like) without a native
 * engine: z = (x − μ)/σ, codes and ẑ = Σ_l c_{l,k_l} by the Java engine of {@link ResidualQuantizer}. Same contract and
 * the same arithmetic as {@link DjlTokenizer} up to float rounding (the two agree on every Beauty
 * item); chosen by {@link Tokenizers#open} on the CPU.
 */
public final class CodebookTokenizer extends ModelTokenizer {
    /** Batches at least this large are split into blocks of {@link #BLOCK} rows over the common pool (batch work). */
    static final int PARALLEL_ROWS = 2048, BLOCK = 256;

    /** A block's rows, per thread: {@link #codes} encodes them from here. */
    private final ThreadLocal<float[]> scratch;

    public CodebookTokenizer(QuantizerModel model) {
        super(requireSupported(model));
        int rows = BLOCK * model.inputDim();
        scratch = ThreadLocal.withInitial(() -> new float[rows]);
    }

    private static QuantizerModel requireSupported(QuantizerModel model) {
        if (!supports(model)) throw new IllegalArgumentException("model " + model.method() + " has an encoder or decoder network: use DjlTokenizer");
        return model;
    }

    /** Models with no encoder or decoder network: quantization is all there is to compute. */
    public static boolean supports(QuantizerModel model) {
        return model.encoder().isEmpty() && model.decoder().isEmpty();
    }

    /**
     * Each block of rows is copied into its thread's scratch, never the whole batch: memory stays
     * flat on huge inputs, and a million rows leave no garbage of their copies for the heap to grow on.
     */
    @Override public int[][] codes(Matrix batch) {
        checkBatch(batch);
        int n = batch.rows(), dim = batch.cols();
        int[][] codes = new int[n][];
        ResidualQuantizer q = quantizer();
        IntStream blocks = IntStream.range(0, (n + BLOCK - 1) / BLOCK);
        (n < PARALLEL_ROWS ? blocks : blocks.parallel()).forEach(b -> {
            int from = b * BLOCK, to = Math.min(n, from + BLOCK);
            float[] r = scratch.get();
            System.arraycopy(batch.data(), from * dim, r, 0, (to - from) * dim);
            standardize(r, dim);
            int[][] part = new int[to - from][];
            q.encode(r, 0, to - from, part);
            System.arraycopy(part, 0, codes, from, to - from);
        });
        return codes;
    }

    /** Standardises and searches in the batch's own memory: no copy of it. */
    @Override public int[][] codesOverwriting(Matrix batch) { return run(batch, false, true).codes(); }

    @Override public Encoding encode(Matrix batch, boolean reconstruct) {
        Encoding e = run(batch, true, false);
        if (!reconstruct) return e;
        // with no decoder the reconstruction is ẑ itself, back in the input's units
        return new Encoding(e.codes(), e.latent(), e.quantized(), destandardize(e.quantized()));
    }

    private Encoding run(Matrix batch, boolean latents, boolean overwrite) {
        checkBatch(batch);
        int n = batch.rows(), d = model.latentDim();
        float[] r = standardize(overwrite ? batch.data() : batch.data().clone(), batch.cols());
        Matrix z = latents ? new Matrix(n, d, r.clone()) : null;
        int[][] codes = new int[n][];
        ResidualQuantizer q = quantizer();
        if (n < PARALLEL_ROWS) q.encode(r, 0, n, codes);
        else IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel()
                .forEach(b -> q.encode(r, b * BLOCK, Math.min(n, (b + 1) * BLOCK), codes));
        return new Encoding(codes, z, latents ? q.decode(codes) : null, null);
    }

    /** x in standardised units, in place, as DjlTokenizer computes it ((x − μ) / σ, elementwise). */
    private float[] standardize(float[] x, int d) {
        float[] mean = model.inputMean(), scale = model.inputScale();
        if (mean == null) return x;
        for (int i = 0; i < x.length; i++) x[i] = (x[i] - mean[i % d]) / scale[i % d];
        return x;
    }

    private Matrix destandardize(Matrix zHat) {
        float[] mean = model.inputMean(), scale = model.inputScale();
        float[] x = zHat.data().clone();
        int d = zHat.cols();
        if (mean != null) for (int i = 0; i < x.length; i++) x[i] = x[i] * scale[i % d] + mean[i % d];
        return new Matrix(zHat.rows(), d, x);
    }

    @Override public void close() {}
}
