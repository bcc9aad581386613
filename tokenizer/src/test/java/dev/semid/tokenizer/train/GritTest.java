package dev.semid.tokenizer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.semid.tokenizer.rq.NdCodebook;
import dev.semid.tokenizer.rq.NdResidualQuantizer;
import dev.semid.tokenizer.rq.NdStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** GRIT-VQ parts: radius surrogate and integrated codebook transform. */
class GritTest {
    static NDArray param(NDManager m, float[] v, Shape s) {
        NDArray a = m.create(v, s);
        a.setRequiresGradient(true);
        return a;
    }

    static float[] random(int n, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 2 - 1);
        return v;
    }

    /** Gradient of a loss part w.r.t. the residual r, for a one-level ForwardPass. */
    static float[] residualGradient(NDManager m, LossPart part, float[] r0, float[] c0, int b, int d) {
        NDArray r = param(m, r0, new Shape(b, d));
        NDArray c = m.create(c0, new Shape(b, d));
        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            ForwardPass f = new ForwardPass(r, r, List.of(r), List.of(c), List.of(c), List.of(), r);
            gc.backward(part.compute(f));
        }
        return r.getGradient().toFloatArray();
    }

    @Test void latentGradientHasMagnitudeGAlongTheQuantizationDirection() {
        int b = 5, d = 6;
        float[] r0 = random(b * d, 1), c0 = random(b * d, 2);
        for (RadiusFunction g : List.of(RadiusFunction.classic(),
                new RadiusFunction(RadiusFunction.Kind.CONSTANT, 0.3, 1, 1),
                new RadiusFunction(RadiusFunction.Kind.POWER, 0.7, 2.5, 1),
                new RadiusFunction(RadiusFunction.Kind.SATURATING, 1.5, 1, 0.2))) {
            try (NDManager m = NDManager.newBaseManager()) {
                float[] grad = residualGradient(m, new RadiusLoss(0, 1.0, g), r0, c0, b, d);
                for (int i = 0; i < b; i++) {
                    double dist = 0, norm = 0, dot = 0;
                    for (int j = 0; j < d; j++) {
                        double delta = c0[i * d + j] - r0[i * d + j];
                        dist += delta * delta;
                    }
                    dist = Math.sqrt(dist);
                    for (int j = 0; j < d; j++) {
                        double gij = grad[i * d + j] * b; // undo the batch mean
                        norm += gij * gij;
                        dot += gij * (c0[i * d + j] - r0[i * d + j]) / dist;
                    }
                    assertEquals(g.step(dist), Math.sqrt(norm), 1e-4 * Math.max(1, g.step(dist)), g.kind() + " row " + i);
                    // descent (−gradient) moves r towards c: the gradient points along −u
                    assertEquals(-Math.sqrt(norm), dot, 1e-4, g.kind() + " direction, row " + i);
                }
            }
        }
    }

    @Test void classicRadiusReproducesPlainCommitmentGradients() {
        int b = 8, d = 4;
        float[] r0 = random(b * d, 3), c0 = random(b * d, 4);
        double beta = 0.25;
        try (NDManager m = NDManager.newBaseManager()) {
            float[] radius = residualGradient(m, new RadiusLoss(0, 2 * beta, RadiusFunction.classic()), r0, c0, b, d);
            float[] commit = residualGradient(m, new CommitmentLoss(0, beta), r0, c0, b, d);
            assertArrayEquals(commit, radius, 1e-7f);
        }
    }

    @Test void forwardOutputIsExactlyTheHardNearestCode() {
        int k = 16, d = 4, b = 50;
        try (NDManager m = NDManager.newBaseManager()) {
            TransformedCodebook book = new TransformedCodebook(m.create(random(k * d, 5), new Shape(k, d)),
                    param(m, random(d * d, 6), new Shape(d, d)), param(m, random(d, 7), new Shape(d)));
            NDArray c = book.current();
            NDArray r = m.create(random(b * d, 8), new Shape(b, d));
            NdStep step = NdResidualQuantizer.step(r, NdCodebook.training(c));
            NDArray idx = step.indices(), chosen = step.chosen();
            float[] cv = c.toFloatArray(), rv = r.toFloatArray(), qv = chosen.toFloatArray();
            long[] iv = idx.toLongArray();
            for (int i = 0; i < b; i++) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    for (int t = 0; t < d; t++) s += Math.pow(rv[i * d + t] - cv[j * d + t], 2);
                    if (s < bestD) { bestD = s; best = j; }
                }
                assertEquals(best, iv[i], "row " + i);
                for (int t = 0; t < d; t++) assertEquals(cv[best * d + t], qv[i * d + t], 0f, "exact code, row " + i);
            }
        }
    }

    @Test void oneStepOnTheTransformMovesCodesNoItemUsed() {
        int k = 16, d = 4;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray w = param(m, random(d * d, 6), new Shape(d, d)), bias = param(m, new float[d], new Shape(d));
            TransformedCodebook book = new TransformedCodebook(m.create(random(k * d, 5), new Shape(k, d)), w, bias);
            float[] before = book.current().toFloatArray();
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                // only code 0 is "used": the loss pulls it somewhere
                NDArray used = book.current().get(new NDIndex("0:1"));
                gc.backward(used.sub(m.ones(new Shape(1, d))).square().sum());
            }
            AdamW opt = new AdamW(m, w, 0.01, 0);
            opt.step();
            float[] after = book.current().toFloatArray();
            for (int code = 1; code < k; code++) {
                double moved = 0;
                for (int t = 0; t < d; t++) moved += Math.abs(after[code * d + t] - before[code * d + t]);
                assertTrue(moved > 1e-4, "unused code " + code + " moved " + moved);
            }
        }
    }

    @Test void kmeansInitFitsTheTransformByLeastSquares() {
        int k = 32, d = 4;
        try (NDManager m = NDManager.newBaseManager()) {
            float[] basis = random(k * d, 9);
            TransformedCodebook book = new TransformedCodebook(m.create(basis, new Shape(k, d)),
                    param(m, new float[d * d], new Shape(d, d)), param(m, new float[d], new Shape(d)));
            // targets that an affine map of B can hit exactly: B·2 + 0.5
            float[] target = new float[k * d];
            for (int i = 0; i < target.length; i++) target[i] = basis[i] * 2 + 0.5f;
            book.assign(target);
            assertArrayEquals(target, book.current().toFloatArray(), 1e-4f);
            assertFalse(book.resettable());
        }
    }

    /**
     * Without k-means initialisation the transformed codebook must start where free codes do:
     * codes of norm ≈ 1 around latents of norm ≈ 0.3 left every item on the shortest code.
     */
    @Test void theTransformedCodebookDoesNotStartCollapsed() {
        var set = dev.semid.tokenizer.data.SyntheticCatalogue.generate(2000, 32, 64, 4, 2);
        RqVaeConfig c = RqVaeConfig.builder().hidden(64, 32).latentDim(8).levels(2).codes(32).epochs(8).batchSize(256)
                .validationFraction(0.1).patience(0).kmeansInit(false).deadCodeReset(false).seed(4)
                .grit(GritConfig.defaults(2)).build();
        var m = new RqVaeTrainer(c, ai.djl.Device.cpu(), dev.semid.tokenizer.TrainingListener.NONE).train(set.vectors());
        try (var t = new dev.semid.tokenizer.engine.DjlTokenizer(m, ai.djl.Device.cpu())) {
            var usage = dev.semid.tokenizer.metrics.CodeUsage.perLevel(t.codes(set.vectors()), 32);
            for (var level : usage) assertTrue(level.usedCodes() >= 16, "GRIT without k-means init: " + level);
        }
    }
}
