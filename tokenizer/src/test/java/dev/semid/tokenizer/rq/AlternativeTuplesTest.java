package dev.semid.tokenizer.rq;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.quantize.KMeansConfig;
import dev.semid.tokenizer.quantize.ResidualKMeans;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AlternativeTuplesTest {
    private static final int K = 10, D = 7;

    private static ResidualQuantizer fitted(Matrix x, int levels) {
        return ResidualQuantizer.of(new ResidualKMeans(K, l -> KMeansConfig.defaults(3 + l).withIterations(6))
                .fit(x.slice(0, x.rows()), levels, level -> {}));
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) s += (double) (a[j] - b[j]) * (a[j] - b[j]);
        return s;
    }

    @Test void otherLastLevelCodesNearestFirstThenTheLevelAboveWithItsBestLastCode() {
        Matrix z = TestData.blobs(200, D, 4, 1.0, 9);
        ResidualQuantizer q = fitted(z, 3);
        int[][] codes = q.encode(z);
        for (int i = 0; i < 20; i++) {
            AlternativeTuples a = q.alternatives(z.row(i), codes[i]);
            assertEquals(2 * K - 1, a.size());
            assertArrayEquals(codes[i], a.tuple(0), "rank 0 is the item's own tuple");
            Set<String> seen = new HashSet<>();
            float[] r2 = q.residual(z.row(i), codes[i], 2);
            float[] d2 = q.distances(2, r2);
            for (int rank = 1; rank < K; rank++) {
                int[] t = a.tuple(rank);
                assertEquals(codes[i][0], t[0]);
                assertEquals(codes[i][1], t[1], "the last level first: the prefix stays");
                assertNotEquals(codes[i][2], t[2]);
                if (rank > 1) assertTrue(d2[a.tuple(rank - 1)[2]] <= d2[t[2]], "nearest first");
                assertTrue(seen.add(t[0] + "-" + t[1] + "-" + t[2]));
            }
            float[] d1 = q.distances(1, q.residual(z.row(i), codes[i], 1));
            for (int rank = K; rank < 2 * K - 1; rank++) {
                int[] t = a.tuple(rank);
                assertEquals(codes[i][0], t[0]);
                assertNotEquals(codes[i][1], t[1]);
                if (rank > K) assertTrue(d1[a.tuple(rank - 1)[1]] <= d1[t[1]], "the level above nearest first");
                float[] last = q.distances(2, q.residual(z.row(i), t, 2));
                for (float v : last) assertTrue(last[t[2]] <= v, "with its best last-level code");
                assertTrue(seen.add(t[0] + "-" + t[1] + "-" + t[2]), "every alternative is a different tuple");
            }
            assertNull(a.tuple(2 * K - 1));
        }
    }

    @Test void theRankingDependsOnTheLatentAloneAndSpillsGoWhereTheReconstructionIsClose() {
        Matrix z = TestData.blobs(200, D, 4, 1.0, 11);
        ResidualQuantizer q = fitted(z, 2);
        int[][] codes = q.encode(z);
        float[] row = z.row(5);
        AlternativeTuples a = q.alternatives(row, codes[5]), b = q.alternatives(row.clone(), codes[5].clone());
        for (int rank = 0; rank < a.size(); rank++) assertArrayEquals(a.tuple(rank), b.tuple(rank));
        // the first alternative reconstructs z no worse than any other tuple of the same prefix
        Matrix first = q.decode(new int[][] {a.tuple(1)});
        for (int rank = 2; rank < K; rank++)
            assertTrue(distance(row, first.row(0)) <= distance(row, q.decode(new int[][] {a.tuple(rank)}).row(0)) + 1e-5);
    }

    @Test void oneLevelHasOnlyTheOtherCodesOfThatLevel() {
        Matrix z = TestData.blobs(100, D, 3, 1.0, 2);
        ResidualQuantizer q = fitted(z, 1);
        int[][] codes = q.encode(z);
        AlternativeTuples a = q.alternatives(z.row(0), codes[0]);
        assertEquals(K, a.size());
        assertNull(a.tuple(K));
        assertEquals(K - 1, new HashSet<>(List.of(java.util.stream.IntStream.range(1, K).mapToObj(r -> a.tuple(r)[0]).toArray())).size());
        assertThrows(IllegalArgumentException.class, () -> q.alternatives(new float[D + 1], codes[0]));
        assertThrows(IllegalArgumentException.class, () -> q.alternatives(z.row(0), new int[] {1, 2}));
    }
}
