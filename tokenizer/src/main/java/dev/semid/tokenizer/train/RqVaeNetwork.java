package dev.semid.tokenizer.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.semid.tokenizer.data.Gaussian;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.Mlp;
import dev.semid.tokenizer.engine.NdConvert;
import dev.semid.tokenizer.model.DenseLayer;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.Standardization;
import dev.semid.tokenizer.rq.NdCodebook;
import dev.semid.tokenizer.rq.NdEncoding;
import dev.semid.tokenizer.rq.NdResidualQuantizer;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The trainable tensors of an RQ-VAE and the forward pass over them: z = Enc(x), residual codes
 * of z against one codebook per level, x̂ = Dec(z + sg(ẑ − z)). Encoder and decoder are MLPs
 * (the decoder mirrors the encoder's widths); codebooks are free codes or GRIT's transform.
 */
final class RqVaeNetwork {
    final List<NDArray[]> encoder = new ArrayList<>();
    final List<NDArray[]> decoder = new ArrayList<>();
    final List<TrainableCodebook> codebooks = new ArrayList<>();
    private final Device device;

    /** σ of the initial codes without k-means: small beside the untrained encoder's latents, so direction decides. */
    private static final double INITIAL_CODE_SCALE = 0.01;

    /** Draws every initial value from {@code rnd}: encoder, decoder, then codebooks, level by level. */
    RqVaeNetwork(NDManager m, int dim, RqVaeConfig cfg, Device device, SplittableRandom rnd) {
        this.device = device;
        int[] hidden = cfg.hidden();
        int[] widths = new int[hidden.length + 2];
        widths[0] = dim;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = cfg.latentDim();
        for (int i = 0; i + 1 < widths.length; i++) encoder.add(linear(m, widths[i], widths[i + 1], rnd));
        for (int i = widths.length - 1; i > 0; i--) decoder.add(linear(m, widths[i], widths[i - 1], rnd));
        int k = cfg.codes(), d = cfg.latentDim();
        for (int l = 0; l < cfg.levels(); l++) {
            if (cfg.grit() != null && cfg.grit().transform() && cfg.grit().appliesTo(l)) {
                // B ~ N(0, 1/d), fixed and data-agnostic; W = σ√d·I, b = 0 until k-means init fits them, so the
                // codes start as N(0, σ²) like free codes. With W = I they would have norm ≈ 1, far outside the
                // untrained encoder's latents, and every item would pick the shortest code: collapse from step one.
                float[] basis = new float[k * d], eye = new float[d * d];
                for (int i = 0; i < basis.length; i++) basis[i] = (float) (Gaussian.sample(rnd) / Math.sqrt(d));
                for (int i = 0; i < d; i++) eye[i * d + i] = (float) (INITIAL_CODE_SCALE * Math.sqrt(d));
                codebooks.add(new TransformedCodebook(m.create(basis, new Shape(k, d)).toDevice(device, false),
                        trainable(m, eye, new Shape(d, d)), trainable(m, new float[d], new Shape(d))));
            } else {
                float[] v = new float[k * d];
                for (int i = 0; i < v.length; i++) v[i] = (float) (Gaussian.sample(rnd) * INITIAL_CODE_SCALE);
                codebooks.add(new FreeCodebook(trainable(m, v, new Shape(k, d))));
            }
        }
    }

    /** PyTorch's nn.Linear initialisation: W, b ~ U(−1/√in, 1/√in). */
    private NDArray[] linear(NDManager m, int in, int out, SplittableRandom rnd) {
        double bound = 1 / Math.sqrt(in);
        float[] w = new float[in * out], b = new float[out];
        for (int i = 0; i < w.length; i++) w[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        for (int i = 0; i < b.length; i++) b[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
        return new NDArray[] {trainable(m, w, new Shape(out, in)), trainable(m, b, new Shape(out))}; // out×in, as Mlp takes
    }

    private NDArray trainable(NDManager m, float[] v, Shape shape) {
        NDArray a = m.create(v, shape).toDevice(device, false);
        a.setRequiresGradient(true);
        return a;
    }

    List<NDArray> networkWeights() {
        List<NDArray> out = new ArrayList<>();
        for (NDArray[] l : encoder) out.add(l[0]);
        for (NDArray[] l : decoder) out.add(l[0]);
        return out;
    }

    List<NDArray> networkBiases() {
        List<NDArray> out = new ArrayList<>();
        for (NDArray[] l : encoder) out.add(l[1]);
        for (NDArray[] l : decoder) out.add(l[1]);
        return out;
    }

    List<NDArray> all() {
        List<NDArray> out = new ArrayList<>(networkWeights());
        out.addAll(networkBiases());
        for (TrainableCodebook c : codebooks) out.addAll(c.parameters());
        return out;
    }

    ForwardPass forward(NDArray x) {
        NDArray z = Mlp.forward(x, encoder);
        NdEncoding e = NdResidualQuantizer.encode(z, codebooks.size(), l -> NdCodebook.training(codebooks.get(l).current()));
        NDArray zst = z.add(e.quantized().sub(z).stopGradient()); // straight-through: ẑ forward, ∂/∂z backward
        return new ForwardPass(x, z, e.residuals(), e.chosen(), e.codebooks(), e.indices(), Mlp.forward(zst, decoder));
    }

    float[][] snapshot() {
        List<NDArray> a = all();
        float[][] s = new float[a.size()][];
        for (int i = 0; i < s.length; i++) s[i] = a.get(i).stopGradient().toFloatArray();
        return s;
    }

    void restore(float[][] s) {
        List<NDArray> a = all();
        for (int i = 0; i < s.length; i++) a.get(i).set(FloatBuffer.wrap(s[i]));
    }

    QuantizerModel toModel(String method, Standardization std, Map<String, Object> settings, Map<String, Object> metrics) {
        List<DenseLayer> enc = new ArrayList<>(), dec = new ArrayList<>();
        for (NDArray[] l : encoder) enc.add(dense(l));
        for (NDArray[] l : decoder) dec.add(dense(l));
        List<Matrix> books = new ArrayList<>();
        for (TrainableCodebook c : codebooks) books.add(NdConvert.toMatrix(c.current().stopGradient())); // transformed codes, not B
        return new QuantizerModel(method, (int) encoder.get(0)[0].getShape().get(1),
                std == null ? null : std.mean(), std == null ? null : std.scale(), enc, books, dec, settings, metrics);
    }

    private static DenseLayer dense(NDArray[] l) {
        return new DenseLayer(NdConvert.toMatrix(l[0].stopGradient()).transpose(), l[1].stopGradient().toFloatArray());
    }
}
