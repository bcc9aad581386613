package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Gaussian;
import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ProgressiveDimSeedingTest {
    private static final KMeansConfig PROGRESSIVE = KMeansConfig.defaults(3).withSeeding(Seeding.PROGRESSIVE_DIMS);

    @Test void dimensionsGrowGeometricallyBelowTheFullOne() {
        assertArrayEquals(new int[] {1, 3, 5, 10, 19, 35, 64, 116, 211}, ProgressiveDimSeeding.schedule(384));
        assertArrayEquals(new int[] {1}, ProgressiveDimSeeding.schedule(2));
        assertArrayEquals(new int[0], ProgressiveDimSeeding.schedule(1));
    }

    @Test void recoversSeparatedClustersDeterministically() {
        Matrix x = TestData.blobs(2000, 8, 5, 0.1, 1);
        KMeans.Result r = new KMeans(PROGRESSIVE).fit(x, 5);
        for (int i = 0; i + 5 < 2000; i++) assertEquals(r.assignment()[i], r.assignment()[i + 5], "point " + i);
        assertEquals(5, Arrays.stream(r.assignment()).distinct().count());
        KMeans.Result again = new KMeans(PROGRESSIVE).fit(x, 5);
        assertArrayEquals(r.centers().data(), again.centers().data());
    }

    @Test void fallsBackToKMeansPlusPlusWhereThereIsNothingToGrow() {
        Matrix fewRows = TestData.blobs(10, 4, 10, 0.0, 2);
        assertNull(ProgressiveDimSeeding.centers(fewRows, 16, PROGRESSIVE, new SplittableRandom(1)));
        assertEquals(16, new KMeans(PROGRESSIVE).fit(fewRows, 16).centers().rows());
        Matrix oneDim = TestData.blobs(200, 1, 4, 0.1, 3);
        assertEquals(4, Arrays.stream(new KMeans(PROGRESSIVE).fit(oneDim, 4).assignment()).distinct().count());
    }

    @Test void principalAxesFindTheStretchedDirectionAndRotateLosslessly() {
        int n = 3000, d = 12;
        SplittableRandom r = new SplittableRandom(7);
        double[] u = new double[d];
        for (int j = 0; j < d; j++) u[j] = (j % 3 == 0 ? 1 : -0.5) / Math.sqrt(d * 0.5);
        double norm = Math.sqrt(Arrays.stream(u).map(v -> v * v).sum());
        Matrix x = Matrix.zeros(n, d);
        for (int i = 0; i < n; i++) {
            double along = 10 * Gaussian.sample(r);
            for (int j = 0; j < d; j++) x.set(i, j, (float) (5 + along * u[j] / norm + Gaussian.sample(r)));
        }
        PrincipalAxes axes = PrincipalAxes.of(x, 8_192, new SplittableRandom(1));
        double dot = 0;
        for (int j = 0; j < d; j++) dot += axes.axes().get(0, j) * u[j] / norm;
        assertTrue(Math.abs(dot) > 0.99, "first axis · stretched direction = " + dot);
        assertEquals(5, axes.mean()[0], 0.5);
        Matrix rotated = axes.project(x, d);
        float[] back = axes.unproject(rotated.data(), n, d);
        for (int i = 0; i < n * d; i++) assertEquals(x.data()[i], back[i], 1e-3, "row " + i / d);
        double first = 0, last = 0;
        for (int i = 0; i < n; i++) {
            first += rotated.get(i, 0) * rotated.get(i, 0);
            last += rotated.get(i, d - 1) * rotated.get(i, d - 1);
        }
        assertTrue(first > 50 * last, "variance ordered: " + first + " vs " + last);
    }

    @Test void autoSeedingGrowsDimensionsOnlyWhereCodesHaveRowsEnough() {
        assertEquals(Seeding.PROGRESSIVE_DIMS, Seeding.AUTO.resolve(12_101, 256)); // Beauty, 47 rows per code
        assertEquals(Seeding.PLUS_PLUS, Seeding.AUTO.resolve(12_101, 1_024));
        assertEquals(Seeding.PLUS_PLUS, Seeding.AUTO.resolve(12_101, 4_096));
        assertEquals(Seeding.PROGRESSIVE_DIMS, Seeding.PROGRESSIVE_DIMS.resolve(10, 4_096), "an explicit choice stands");
        assertEquals(Seeding.AUTO, Seeding.parse("auto"));
        assertEquals(Seeding.PLUS_PLUS, Seeding.parse("kmeans++"));
        assertThrows(IllegalArgumentException.class, () -> Seeding.parse("random"));
    }
}
