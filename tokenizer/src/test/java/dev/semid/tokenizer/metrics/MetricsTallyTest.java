package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** Tallies of parts merge into the metrics of the whole, as a distributed run counts them. */
class MetricsTallyTest {
    private static final int N = 3000, K = 8, D = 5;

    @Test
    void partsMergeIntoTheWhole() {
        SplittableRandom r = new SplittableRandom(11);
        int[][] codes = new int[N][];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            codes[i] = new int[] {r.nextInt(K), r.nextInt(3), r.nextInt(K)}; // few tuples: many collisions
            ids.add("item-" + i);
        }
        List<SemanticId> sids = new SemanticIdAssigner().assign(ids, codes).ids();
        Matrix z = TestData.blobs(N, D, 4, 0.5, 1), zHat = TestData.blobs(N, D, 4, 0.7, 2);
        Matrix x = TestData.blobs(N, D, 3, 1.0, 3), xHat = TestData.blobs(N, D, 3, 1.2, 4);
        TokenizerMetrics whole = TokenizerMetrics.of(codes, K, sids, z, zHat, x, xHat);

        // codes and errors counted in batches of rows (as encoded), IDs tuple by tuple (as numbered), parts merged
        MetricsTally merged = new MetricsTally(K);
        for (int from = 0; from < N; from += 700) {
            int to = Math.min(N, from + 700);
            MetricsTally batch = new MetricsTally(K);
            batch.addCodes(java.util.Arrays.copyOfRange(codes, from, to));
            batch.addErrors(z.slice(from, to), zHat.slice(from, to), x.slice(from, to), xHat.slice(from, to));
            merged.merge(batch);
        }
        java.util.Map<CodeTuple, List<Integer>> byTuple = new java.util.TreeMap<>();
        for (int i = 0; i < N; i++) byTuple.computeIfAbsent(CodeTuple.of(codes[i]), t -> new ArrayList<>()).add(i);
        for (List<Integer> members : byTuple.values()) {
            MetricsTally group = new MetricsTally(K);
            group.addIds(members.stream().map(i -> codes[i]).toArray(int[][]::new), members.stream().map(sids::get).toList());
            merged.merge(group);
        }
        TokenizerMetrics parts = merged.metrics();

        assertEquals(whole.levels(), parts.levels());
        assertEquals(whole.beforeDedup(), parts.beforeDedup());
        assertEquals(whole.afterDedup(), parts.afterDedup());
        assertEquals(whole.maxDedupToken(), parts.maxDedupToken());
        assertTrue(whole.beforeDedup().collidingItems() > 0 && whole.maxDedupToken() > 0, "the test needs collisions");
        assertEquals(whole.relativeQuantizationError(), parts.relativeQuantizationError(), 1e-12 * whole.relativeQuantizationError());
        assertEquals(whole.reconstructionMse(), parts.reconstructionMse(), 1e-12 * whole.reconstructionMse());
        assertEquals(whole.inputRelativeError(), parts.inputRelativeError(), 1e-12 * whole.inputRelativeError());
    }

    @Test
    void aPartCountedTwiceOrMissingIsRefused() {
        int[][] codes = {{0, 1}, {2, 3}};
        List<SemanticId> sids = new SemanticIdAssigner().assign(List.of("a", "b"), codes).ids();
        MetricsTally t = new MetricsTally(4);
        t.addIds(codes, sids);
        t.addCodes(codes);
        t.addCodes(codes);
        IllegalStateException e = assertThrows(IllegalStateException.class, t::metrics);
        assertTrue(e.getMessage().contains("codes of 4 items and the IDs of 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.merge(new MetricsTally(8)), "another codebook size");
    }

    @Test
    void nothingCountedGivesEmptyMetrics() {
        TokenizerMetrics m = new MetricsTally(4).metrics();
        assertEquals(List.of(), m.levels());
        assertEquals(0, m.beforeDedup().items());
        assertNull(m.relativeQuantizationError());
        assertNull(m.reconstructionMse());
    }
}
