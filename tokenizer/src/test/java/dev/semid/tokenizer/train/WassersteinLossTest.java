package dev.semid.tokenizer.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.semid.tokenizer.math.GaussianW2;
import dev.semid.tokenizer.rq.NdCodebook;
import dev.semid.tokenizer.rq.NdResidualQuantizer;
import dev.semid.tokenizer.rq.NdStep;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WassersteinLossTest {
    static float[] random(int n, long seed, double scale, double shift) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (dev.semid.tokenizer.data.Gaussian.sample(r) * scale + shift);
        return v;
    }

    @Test void termValueIsTheClosedFormW2() {
        int k = 64, d = 3;
        float[] codes = random(k * d, 1, 0.5, 1.0), feats = random(500 * d, 2, 1.0, 0.0);
        var a = GaussianW2.of(feats, 500, d, 1.0, true, 0);
        var b = GaussianW2.of(codes, k, d, 1.0, true, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            double got = WassersteinTerm.compute(m.create(codes, new Shape(k, d)), a, 1.0, true, 0).getFloat();
            assertEquals(Math.sqrt(GaussianW2.squared(a, b)), got, 1e-4);
        }
    }

    @Test void termGradientMatchesFiniteDifferences() {
        int k = 12, d = 3;
        float[] codes = random(k * d, 3, 0.5, 1.0);
        var a = GaussianW2.of(random(400 * d, 4, 1.0, 0.0), 400, d, 1.0, true, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray c = m.create(codes, new Shape(k, d));
            c.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(WassersteinTerm.compute(c, a, 1.0, true, 0));
            }
            float[] grad = c.getGradient().toFloatArray();
            double h = 1e-3;
            for (int i : new int[] {0, 5, 17, 35}) {
                double[] p = new double[2];
                for (int s = 0; s < 2; s++) {
                    float[] moved = codes.clone();
                    moved[i] += (float) (s == 0 ? h : -h);
                    p[s] = Math.sqrt(GaussianW2.squared(a, GaussianW2.of(moved, k, d, 1.0, true, 0)));
                }
                assertEquals((p[0] - p[1]) / (2 * h), grad[i], 2e-3, "entry " + i);
            }
        }
    }

    /** The term trains the codebook only: encoder gradients are the same with or without it. */
    @Test void gradientReachesTheCodebookAndLeavesTheEncoderUnchanged() {
        int b = 64, in = 5, d = 4, k = 16;
        float[] x0 = random(b * in, 5, 1, 0), w0 = random(in * d, 6, 0.5, 0), c0 = random(k * d, 7, 0.3, 0);
        float[][] enc = new float[2][], book = new float[2][];
        for (int withW = 0; withW < 2; withW++) {
            try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray w = m.create(w0, new Shape(in, d)), c = m.create(c0, new Shape(k, d));
                w.setRequiresGradient(true);
                c.setRequiresGradient(true);
                try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray z = m.create(x0, new Shape(b, in)).matMul(w);
                    NdStep s = NdResidualQuantizer.step(z, NdCodebook.training(c));
                    ForwardPass f = new ForwardPass(z, z, List.of(z), List.of(s.chosen()), List.of(c), List.of(s.indices()), z);
                    NDArray loss = new CodebookLoss(0, 1).compute(f).add(new CommitmentLoss(0, 0.25).compute(f));
                    if (withW == 1) loss = loss.add(new WassersteinLoss(0, WassersteinConfig.defaults(1), 1000).compute(f));
                    gc.backward(loss);
                }
                enc[withW] = w.getGradient().toFloatArray();
                book[withW] = c.getGradient().toFloatArray();
            }
        }
        assertArrayEquals(enc[0], enc[1], 0f, "encoder gradients unchanged by the W2 term");
        double diff = 0;
        for (int i = 0; i < book[0].length; i++) diff += Math.abs(book[0][i] - book[1][i]);
        assertTrue(diff > 1e-4, "the W2 term changes the codebook gradient (" + diff + ")");
    }

    @Test void stableWhenCovariancesAreRankDeficient() {
        int d = 8;
        try (NDManager m = NDManager.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            // K = 4 codes and a batch (queue) of 3 residuals in d = 8: both covariances are singular
            NDArray c = m.create(random(4 * d, 8, 1, 0), new Shape(4, d));
            c.setRequiresGradient(true);
            NDArray r = m.create(random(3 * d, 9, 1, 0), new Shape(3, d));
            NDArray loss;
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                ForwardPass f = new ForwardPass(r, r, List.of(r), List.of(r), List.of(c), List.of(), r);
                loss = new WassersteinLoss(0, WassersteinConfig.defaults(1), 3).compute(f);
                gc.backward(loss);
            }
            assertTrue(Float.isFinite(loss.getFloat()), "value " + loss.getFloat());
            for (float g : c.getGradient().toFloatArray()) assertTrue(Float.isFinite(g));
        }
    }

    @Test void identicalDistributionsGiveZero() {
        int k = 200, d = 3;
        float[] pts = random(k * d, 11, 1, 2);
        var a = GaussianW2.of(pts, k, d, 1.0, true, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(0, WassersteinTerm.compute(m.create(pts, new Shape(k, d)), a, 1.0, true, 0).getFloat(), 2e-3);
        }
    }
}
