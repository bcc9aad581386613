package dev.semid.eval.math;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

class TopKTest {
    @Test void selectsLikeAFullSortByScoreThenIndex() {
        SplittableRandom r = new SplittableRandom(2);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(60), k = 1 + r.nextInt(10), skip = r.nextInt(n + 1) - 1;
            float[] s = new float[n + 3];
            for (int j = 0; j < s.length; j++) s[j] = r.nextInt(8); // many ties
            int[] out = new int[k];
            int got = TopK.select(s, 3, n, k, skip, out);
            int[] want = IntStream.range(0, n).filter(j -> j != skip).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> -s[3 + j]).thenComparingInt(j -> j))
                    .limit(k).mapToInt(Integer::intValue).toArray();
            assertEquals(want.length, got);
            assertArrayEquals(want, Arrays.copyOf(out, got));
        }
    }

    @Test void nearestNeighboursByCosineExcludeTheItemItself() {
        Matrix x = Matrix.of(new float[][] {{1, 0}, {10, 1}, {0, 1}, {-1, 0}, {1, 1}});
        int[][] nn = NearestNeighbours.cosine(x, 2, 2);
        assertArrayEquals(new int[] {1, 4}, nn[0]);
        assertArrayEquals(new int[] {0, 4}, nn[1]);
        assertArrayEquals(new int[] {4, 1}, nn[2]);
        assertArrayEquals(new int[] {2, 4}, nn[3]); // cos 0, −0.707, −0.995, −1 with items 2, 4, 1, 0
        assertArrayEquals(new int[] {1, 0}, nn[4]); // 0 and 2 tie at 0.707: the lower index
        assertArrayEquals(new int[] {1, 0}, nn[4]);
    }
}
