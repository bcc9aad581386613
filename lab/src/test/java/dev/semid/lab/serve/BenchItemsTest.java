package dev.semid.lab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class BenchItemsTest {
    static final int N = 5;

    static float[][] catalogue(int D) {
        float[][] v = new float[N][D];
        java.util.Random r = new java.util.Random(3);
        for (float[] row : v) for (int j = 0; j < D; j++) row[j] = (float) r.nextGaussian() + (j == 0 ? 0 : 0.001f);
        v[0][1] = -1e-5f; // a negative number in exponent notation
        return v;
    }

    static float[] decodeBinary(byte[] b) {
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static float[] decodeJson(byte[] b) throws Exception {
        JsonNode e = new ObjectMapper().readTree(b).get("embedding");
        float[] v = new float[e.size()];
        for (int j = 0; j < v.length; j++) v[j] = (float) e.get(j).asDouble();
        return v;
    }

    /** Item k is catalogue vector k mod N, the first pass as is, later passes with FLIPS signs flipped; all distinct. */
    static void check(boolean json, int D, int flips) throws Exception {
        float[][] v = catalogue(D);
        byte[][] base = new byte[N][];
        for (int i = 0; i < N; i++) base[i] = json ? ItemPayloads.json(v[i]) : ItemPayloads.binary(v[i]);
        BenchItems items = new BenchItems(base, json, D);
        assertEquals(flips, items.flipsPerItem());
        Set<String> seen = new HashSet<>();
        for (long k = 0; k < 20L * N; k++) {
            float[] got = json ? decodeJson(items.payload(k)) : decodeBinary(items.payload(k));
            float[] want = v[(int) (k % N)];
            int flipped = 0;
            for (int j = 0; j < D; j++) {
                assertEquals(Math.abs(want[j]), Math.abs(got[j]), 0f, "item " + k + " dim " + j);
                if (Float.compare(want[j], got[j]) != 0) flipped++;
            }
            assertEquals(k < N ? 0 : flips, flipped, "signs flipped in item " + k);
            assertTrue(seen.add(java.util.Arrays.toString(got)), "item " + k + " repeats an earlier one");
        }
    }

    @Test void binaryItemsAreDistinctSignFlipsOfTheCatalogue() throws Exception {
        check(false, 384, BenchItems.FLIPS);
        check(false, 40, 5); // fewer dimensions: d/8 of them flipped
    }

    @Test void jsonItemsAreDistinctSignFlipsOfTheCatalogue() throws Exception {
        check(true, 384, BenchItems.FLIPS);
        check(true, 64, 8);
    }
}
