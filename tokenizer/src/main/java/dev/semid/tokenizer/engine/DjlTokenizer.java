package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.semid.tokenizer.Encoding;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.DenseLayer;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.rq.NdCodebook;
import dev.semid.tokenizer.rq.NdEncoding;
import dev.semid.tokenizer.rq.NdResidualQuantizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Batched inference of a {@link QuantizerModel} with DJL: x → (x − μ)/σ → encoder MLP → z, then
 * the residual quantization of z by {@link NdResidualQuantizer} (codes k_l, ẑ = Σ_l c_{l,k_l}); x̂ = Dec(ẑ).
 * Weights are plain (non-gradient) arrays, so no autograd graph is ever built; each call works
 * in its own sub-manager, which makes the tokenizer safe to share between threads.
 */
public final class DjlTokenizer extends ModelTokenizer {
    /** Rows per native call: large enough for efficient matmuls, small enough for cache and memory. */
    static final int CHUNK = 4096;

    private final Device device;
    private final NDManager manager;
    private final NDArray mean, scale;
    private final List<NDArray[]> encoder = new ArrayList<>();
    private final List<NDArray[]> decoder = new ArrayList<>();
    private final List<NdCodebook> codebooks = new ArrayList<>();

    public DjlTokenizer(QuantizerModel model, Device device) {
        super(model);
        this.device = device;
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        this.mean = model.inputMean() == null ? null : NdConvert.toNd(manager, model.inputMean(), device);
        this.scale = model.inputScale() == null ? null : NdConvert.toNd(manager, model.inputScale(), device);
        for (DenseLayer l : model.encoder()) encoder.add(layer(l));
        for (DenseLayer l : model.decoder()) decoder.add(layer(l));
        for (Matrix c : quantizer().codebooks()) codebooks.add(NdCodebook.of(manager, c, device));
    }

    private NDArray[] layer(DenseLayer l) {
        // stored out×in, the layout Mlp's fused addmm takes
        return new NDArray[] {NdConvert.toNd(manager, l.weight().transpose(), device), NdConvert.toNd(manager, l.bias(), device)};
    }

    public Device device() { return device; }

    @Override public int[][] codes(Matrix batch) { return run(batch, false, false).codes(); }

    @Override public Encoding encode(Matrix batch, boolean reconstruct) {
        return run(batch, true, reconstruct && model.hasDecoder());
    }

    private Encoding run(Matrix batch, boolean latents, boolean reconstruct) {
        checkBatch(batch);
        if (!device.isGpu()) Devices.applyToThisThread();
        int n = batch.rows(), levels = model.levels(), d = model.latentDim();
        int[][] codes = new int[n][];
        Matrix z = latents ? Matrix.zeros(n, d) : null;
        Matrix zHat = latents ? Matrix.zeros(n, d) : null;
        Matrix xHat = reconstruct ? Matrix.zeros(n, model.inputDim()) : null;
        for (int from = 0; from < n; from += CHUNK) {
            int to = Math.min(n, from + CHUNK);
            try (NDManager m = manager.newSubManager()) {
                NDArray x = NdConvert.stage(m, batch, from, to, device);
                NDArray zc = Mlp.forward(standardize(x), encoder);
                NdEncoding e = NdResidualQuantizer.encode(zc, levels, codebooks::get);
                NDArray q = e.quantized();
                int[] flat = NDArrays.stack(new NDList(e.indices()), 1).toType(ai.djl.ndarray.types.DataType.INT32, false).toDevice(Device.cpu(), false).toIntArray();
                for (int i = 0; i < to - from; i++) {
                    int[] row = new int[levels];
                    for (int l = 0; l < levels; l++) row[l] = flat[i * levels + l];
                    codes[from + i] = row;
                }
                if (latents) {
                    copyRows(zc, z, from);
                    copyRows(q, zHat, from);
                }
                if (reconstruct) copyRows(destandardize(Mlp.forward(q, decoder)), xHat, from);
            }
        }
        return new Encoding(codes, z, zHat, xHat);
    }

    private NDArray standardize(NDArray x) {
        return mean == null ? x : x.sub(mean).div(scale);
    }

    /** The decoder works in standardised units; x̂ is reported in the input's. */
    private NDArray destandardize(NDArray x) {
        return mean == null ? x : x.mul(scale).add(mean);
    }

    private static void copyRows(NDArray src, Matrix dst, int fromRow) {
        float[] v = src.toDevice(Device.cpu(), false).toFloatArray();
        System.arraycopy(v, 0, dst.data(), fromRow * dst.cols(), v.length);
    }

    /** Arrays held for the model's lifetime (weights, codebooks): a call that added to them would leak native memory. */
    int residentArrays() { return manager.getManagedArrays().size(); }

    @Override public void close() { manager.close(); }
}
