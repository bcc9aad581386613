package dev.semid.genrec;

import ai.djl.Device;
import dev.semid.genrec.data.IdTrie;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.decode.BeamSearch;
import dev.semid.genrec.decode.CodeDecoder;
import dev.semid.genrec.model.CompactModel;
import dev.semid.genrec.model.GenRecModel;
import dev.semid.genrec.decode.Ranking;
import dev.semid.genrec.model.TigerModel;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class BeamSearchTest {
    /** Random IDs of a shape: {@code levels} codes of {@code codebook} values plus a dedup token. */
    static ItemCodes randomIds(int items, int levels, int codebook, SplittableRandom rnd) {
        Set<List<Integer>> seen = new HashSet<>();
        int[][] t = new int[items][];
        for (int i = 0; i < items; i++) {
            int[] row = new int[levels + 1];
            for (int l = 0; l < levels; l++) row[l] = rnd.nextInt(codebook);
            while (!seen.add(Arrays.stream(row).boxed().toList())) row[levels]++; // the dedup token
            t[i] = row;
        }
        return ItemCodes.ofTokens(t, "test");
    }

    /**
     * Logits from a generator, whatever they are: every prefix the search asks about must exist,
     * and every emitted item is a distinct catalogue item, scores descending.
     */
    static final class RandomDecoder implements CodeDecoder {
        final ItemCodes ids;
        final SplittableRandom rnd;
        final Set<List<Integer>> prefixes = new HashSet<>();

        RandomDecoder(ItemCodes ids, long seed) {
            this.ids = ids;
            this.rnd = new SplittableRandom(seed);
            for (int i = 0; i < ids.items(); i++)
                for (int p = 0; p <= ids.positions(); p++) prefixes.add(Arrays.stream(ids.tokens(i), 0, p).boxed().toList());
        }

        @Override public int positions() { return ids.positions(); }
        @Override public int vocab(int position) { return ids.vocab(position); }
        @Override public State start(int[][] histories) { return () -> {}; }

        @Override public float[] logits(State state, int[] rowHistory, int[][] rows, int position) {
            float[] out = new float[rows.length * vocab(position)];
            for (int r = 0; r < rows.length; r++) {
                assertEquals(position, rows[r].length);
                assertTrue(prefixes.contains(Arrays.stream(rows[r]).boxed().toList()), "asked about a prefix no ID has: " + Arrays.toString(rows[r]));
            }
            for (int i = 0; i < out.length; i++) out[i] = (float) (rnd.nextDouble() * 20 - 10);
            return out;
        }
    }

    @Test void emitsOnlyExistingIdsForAnyLogitsAndShape() {
        SplittableRandom rnd = new SplittableRandom(5);
        int[][] shapes = {{1, 1, 1}, {30, 1, 4}, {50, 2, 3}, {200, 3, 8}, {300, 4, 4}, {120, 2, 256}};
        for (int[] shape : shapes) {
            for (int trial = 0; trial < 5; trial++) {
                ItemCodes ids = randomIds(shape[0], shape[1], shape[2], rnd);
                IdTrie trie = IdTrie.of(ids);
                for (int width : new int[] {1, 3, 20}) {
                    int k = Math.min(width, 10);
                    int[][] histories = new int[7][0];
                    Ranking r = new BeamSearch(trie, width).search(new RandomDecoder(ids, rnd.nextLong()), histories, k);
                    for (int u = 0; u < histories.length; u++) {
                        int[] items = r.items()[u];
                        assertEquals(Math.min(k, shape[0]), items.length, "one list of min(K, items) per history");
                        assertEquals(items.length, Arrays.stream(items).distinct().count(), "distinct items");
                        for (int i = 0; i < items.length; i++) {
                            assertTrue(items[i] >= 0 && items[i] < ids.items());
                            if (i > 0) assertTrue(r.scores()[u][i] <= r.scores()[u][i - 1], "scores descend");
                        }
                    }
                }
            }
        }
    }

    @Test void trieListsEveryIdOnceWithItsTokens() {
        ItemCodes ids = randomIds(500, 3, 5, new SplittableRandom(9));
        IdTrie trie = IdTrie.of(ids);
        int[] seen = new int[ids.items()];
        walk(trie, ids, 0, 0, new int[ids.positions()], seen);
        for (int s : seen) assertEquals(1, s);
    }

    private static void walk(IdTrie trie, ItemCodes ids, int depth, int node, int[] path, int[] seen) {
        int last = -1;
        for (int s = trie.firstChild(depth, node); s < trie.endChild(depth, node); s++) {
            assertTrue(trie.childToken(depth, s) > last, "children ascending, no repeats");
            last = trie.childToken(depth, s);
            path[depth] = last;
            if (depth + 1 == trie.positions()) {
                int item = trie.childNode(depth, s);
                assertArrayEquals(ids.tokens(item), path);
                seen[item]++;
            } else walk(trie, ids, depth + 1, trie.childNode(depth, s), path, seen);
        }
    }

    /** With a beam as wide as the catalogue nothing is pruned: the top K equal exhaustive teacher-forced scoring. */
    @Test void wideBeamEqualsExhaustiveScoring() {
        SplittableRandom rnd = new SplittableRandom(17);
        ItemCodes ids = randomIds(60, 3, 4, rnd);
        for (Preset preset : List.of(Preset.COMPACT, Preset.TIGER)) {
            GenRecConfig cfg = SyntheticTaskTest.tiny(preset).toBuilder().beam(ids.items()).seed(7).build();
            try (GenRecModel m = preset == Preset.COMPACT ? new CompactModel(cfg, ids, Device.cpu()) : new TigerModel(cfg, ids, Device.cpu())) {
                int[][] histories = {{1, 2, 3}, {5}, {59, 0, 10, 11, 12, 13, 14, 15}, {42, 42}};
                int k = 15;
                Ranking beam = m.recommend(histories, k);
                for (int u = 0; u < histories.length; u++) {
                    int[][] h = new int[ids.items()][];
                    int[] all = new int[ids.items()];
                    for (int i = 0; i < all.length; i++) {
                        h[i] = histories[u];
                        all[i] = i;
                    }
                    float[] ll = m.logLikelihood(h, all);
                    Integer[] order = new Integer[all.length];
                    for (int i = 0; i < order.length; i++) order[i] = i;
                    Arrays.sort(order, (a, b) -> ll[a] != ll[b] ? Float.compare(ll[b], ll[a]) : Integer.compare(a, b));
                    for (int r = 0; r < k; r++) {
                        int expected = order[r], got = beam.items()[u][r];
                        assertEquals(ll[expected], beam.scores()[u][r], 1e-4, preset + " user " + u + " rank " + (r + 1) + " score");
                        if (expected != got) // only an exact-precision near-tie may swap neighbours
                            assertEquals(ll[expected], ll[got], 1e-5, preset + " user " + u + " rank " + (r + 1) + ": " + got + " instead of " + expected);
                    }
                }
            }
        }
    }
}
