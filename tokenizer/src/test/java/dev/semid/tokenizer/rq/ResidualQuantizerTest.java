package dev.semid.tokenizer.rq;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.quantize.KMeansConfig;
import dev.semid.tokenizer.quantize.ResidualKMeans;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ResidualQuantizerTest {
    private static final int LEVELS = 3, K = 12, D = 9;

    /** Codebooks fitted by residual k-means to blobs; K and d are not multiples of the SIMD width. */
    private static ResidualQuantizer fitted(Matrix x) {
        return ResidualQuantizer.of(new ResidualKMeans(K, l -> KMeansConfig.defaults(5 + l).withIterations(8))
                .fit(x.slice(0, x.rows()), LEVELS, level -> {}));
    }

    @Test void eachCodeIsTheNearestToItsLevelsResidual() {
        Matrix z = TestData.blobs(301, D, 6, 1.0, 4);
        ResidualQuantizer q = fitted(z);
        int[][] codes = q.encode(z);
        for (int i = 0; i < z.rows(); i++) {
            for (int l = 0; l < LEVELS; l++) {
                float[] dist = q.distances(l, q.residual(z.row(i), codes[i], l));
                float best = Float.POSITIVE_INFINITY;
                for (float v : dist) best = Math.min(best, v);
                float got = dist[codes[i][l]];
                assertTrue(got <= best + 1e-5f * Math.max(1f, best), "row " + i + " level " + l + ": " + got + " vs nearest " + best);
            }
        }
    }

    @Test void encodingLeavesItsInputAndDecodingSumsTheChosenCodes() {
        Matrix z = TestData.blobs(120, D, 4, 1.0, 8);
        float[] before = z.data().clone();
        ResidualQuantizer q = fitted(z);
        int[][] codes = q.encode(z);
        assertArrayEquals(before, z.data(), "encode(Matrix) works on a copy");
        Matrix zHat = q.decode(codes);
        for (int i = 0; i < z.rows(); i++) {
            float[] r = q.residual(z.row(i), codes[i], LEVELS);
            for (int j = 0; j < D; j++)
                assertEquals(z.get(i, j) - zHat.get(i, j), r[j], 1e-5f, "z − ẑ = r_L, row " + i);
        }
        float[] inPlace = z.data().clone();
        int[][] again = new int[z.rows()][];
        q.encode(inPlace, 0, z.rows(), again);
        assertArrayEquals(codes, again);
        assertArrayEquals(q.residual(z.row(7), codes[7], LEVELS), Arrays.copyOfRange(inPlace, 7 * D, 8 * D), 1e-6f,
                "the in-place search leaves r_L behind");
    }

    @Test void rejectsCodebooksOfUnequalShape() {
        assertThrows(IllegalArgumentException.class, () -> ResidualQuantizer.of(List.of(Matrix.zeros(4, 3), Matrix.zeros(5, 3))));
        assertThrows(IllegalArgumentException.class, () -> ResidualQuantizer.of(List.of()));
    }

    @Test void theBatchEngineChoosesTheSameCodes() {
        Matrix z = TestData.blobs(500, D, 6, 1.0, 9);
        ResidualQuantizer q = fitted(z);
        int[][] java = q.encode(z);
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            List<NdCodebook> books = new ArrayList<>();
            for (Matrix c : q.codebooks()) books.add(NdCodebook.of(m, c, Device.cpu()));
            NdEncoding e = NdResidualQuantizer.encode(m.create(FloatBuffer.wrap(z.data()), new Shape(z.rows(), D)),
                    LEVELS, books::get);
            int differ = 0;
            for (int l = 0; l < LEVELS; l++) {
                int[] idx = e.indices().get(l).toType(DataType.INT32, false).toIntArray();
                for (int i = 0; i < z.rows(); i++) if (idx[i] != java[i][l]) differ++;
            }
            assertTrue(differ <= 2, differ + " codes differ (float rounding may flip a near-tie, nothing more)");
        }
    }

    @Test void theNextResidualPullsOnlyOnTheEncoderSide() {
        try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            NDArray c = m.randomNormal(new Shape(K, D));
            NDArray z = m.randomNormal(new Shape(20, D));
            c.setRequiresGradient(true);
            z.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                NdStep s = NdResidualQuantizer.step(z, NdCodebook.training(c));
                gc.backward(s.next().sum());
            }
            assertEquals(0f, c.getGradient().abs().sum().getFloat(), "no gradient reaches the codebook through r − sg(c)");
            assertEquals(20f * D, z.getGradient().sum().getFloat(), 1e-4f, "∂(r − sg(c))/∂r = 1");
        }
    }
}
