package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class KMeansTest {
    @Test void recoversSeparatedClusters() {
        Matrix x = TestData.blobs(2000, 8, 5, 0.1, 1);
        KMeans.Result r = new KMeans(KMeansConfig.defaults(3)).fit(x, 5);
        // points i and i+5 come from the same blob: they must share a cluster, and all 5 clusters are used
        for (int i = 0; i + 5 < 2000; i++) assertEquals(r.assignment()[i], r.assignment()[i + 5], "point " + i);
        assertEquals(5, Arrays.stream(r.assignment()).distinct().count());
        assertTrue(r.meanSquaredError() < 8 * 0.1 * 0.1 * 1.5, "mse " + r.meanSquaredError());
    }

    @Test void deterministicForASeed() {
        Matrix x = TestData.blobs(3000, 16, 40, 1.0, 2);
        KMeans.Result a = new KMeans(KMeansConfig.defaults(9)).fit(x, 32);
        KMeans.Result b = new KMeans(KMeansConfig.defaults(9)).fit(x, 32);
        assertArrayEquals(a.centers().data(), b.centers().data());
        assertArrayEquals(a.assignment(), b.assignment());
        KMeans.Result c = new KMeans(KMeansConfig.defaults(10)).fit(x, 32);
        assertFalse(Arrays.equals(a.centers().data(), c.centers().data()), "another seed, another start");
    }

    @Test void emptyClustersAreReseededSoEveryCenterIsUsed() {
        // 64 distinct points, 64 clusters: every center must end up owning exactly one point
        Matrix x = TestData.blobs(64, 4, 64, 0.0, 4);
        KMeans.Result r = new KMeans(KMeansConfig.defaults(1)).fit(x, 64);
        Set<Integer> used = new HashSet<>();
        for (int a : r.assignment()) used.add(a);
        assertEquals(64, used.size());
        assertEquals(0.0, r.meanSquaredError(), 1e-9);
    }

    @Test void balancedAssignmentCapsClusterSizes() {
        // one dense blob and a far outlier group: unbalanced k-means would put most points in few clusters
        Matrix x = TestData.blobs(1000, 4, 2, 3.0, 5);
        int k = 16, cap = (1000 + k - 1) / k;
        KMeans.Result r = new KMeans(KMeansConfig.defaults(1).withCap(1)).fit(x, k);
        int[] size = new int[k];
        for (int a : r.assignment()) size[a]++;
        for (int s : size) assertTrue(s <= cap, "cluster of " + s + " > cap " + cap);
    }

    @Test void aLooseCapBoundsTheLargestClusterAndNoMore() {
        Matrix x = TestData.blobs(1000, 4, 2, 3.0, 5);
        int k = 16;
        int[] uncapped = sizes(new KMeans(KMeansConfig.defaults(1)).fit(x, k), k);
        int[] capped = sizes(new KMeans(KMeansConfig.defaults(1).withCap(1.5)).fit(x, k), k);
        int cap = KMeans.capSize(1000, k, 1.5);
        assertEquals(94, cap);
        assertTrue(Arrays.stream(uncapped).max().getAsInt() > cap, "the data piles up without a cap: " + Arrays.toString(uncapped));
        assertTrue(Arrays.stream(capped).max().getAsInt() <= cap, "capped sizes " + Arrays.toString(capped));
        assertTrue(Arrays.stream(capped).filter(s -> s > (1000 + k - 1) / k).count() > 0, "a loose cap is not a balance: " + Arrays.toString(capped));
        assertEquals(63, KMeans.capSize(1000, 16, 1.0), "cap 1 is ceil(N/K)");
    }

    private static int[] sizes(KMeans.Result r, int k) {
        int[] size = new int[k];
        for (int a : r.assignment()) size[a]++;
        return size;
    }

    @Test void miniBatchRecoversSeparatedClustersDeterministically() {
        Matrix x = TestData.blobs(4000, 8, 5, 0.1, 1);
        KMeansConfig config = KMeansConfig.defaults(3).withMiniBatch(500).withIterations(5);
        KMeans.Result r = new KMeans(config).fit(x, 5);
        for (int i = 0; i + 5 < 4000; i++) assertEquals(r.assignment()[i], r.assignment()[i + 5], "point " + i);
        assertEquals(5, Arrays.stream(r.assignment()).distinct().count());
        assertArrayEquals(r.centers().data(), new KMeans(config).fit(x, 5).centers().data());
    }

    @Test void miniBatchComesCloseToLloydInAFewPasses() {
        Matrix x = TestData.blobs(20_000, 16, 64, 1.0, 6);
        KMeans.Result lloyd = new KMeans(KMeansConfig.defaults(4).withSeeding(Seeding.PROGRESSIVE_DIMS)).fit(x, 32);
        KMeans.Result mini = new KMeans(KMeansConfig.defaults(4).withSeeding(Seeding.PROGRESSIVE_DIMS).withMiniBatch(1024).withIterations(3)).fit(x, 32);
        assertTrue(mini.iterations() <= 3, "passes " + mini.iterations());
        assertTrue(mini.meanSquaredError() <= 1.05 * lloyd.meanSquaredError(), "mini-batch " + mini.meanSquaredError() + " vs Lloyd " + lloyd.meanSquaredError());
        assertEquals(32, Arrays.stream(mini.assignment()).distinct().count(), "every centre used");
    }
}
