package dev.semid.genrec;

import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.ItemCatalog;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A task with a known answer: items 1..n, each user's sequence starts at a random item and then
 * always moves to next(i), a fixed random permutation. IDs: random codes of the given shape,
 * made unique by the dedup rule.
 */
final class SyntheticTask {
    final Interactions data;
    final IdTable ids;
    final ItemCodes codes;
    final int[] next;

    SyntheticTask(int items, int users, int minLength, int maxLength, int levels, int codebook, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        next = new int[items];
        int[] perm = new int[items];
        for (int i = 0; i < items; i++) perm[i] = i;
        for (int i = items - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        }
        for (int i = 0; i < items; i++) next[perm[i]] = perm[(i + 1) % items]; // one cycle through all items
        List<String> itemIds = new ArrayList<>();
        for (int i = 1; i <= items; i++) itemIds.add(Integer.toString(i));
        ItemCatalog catalog = ItemCatalog.of(itemIds);
        List<String> userIds = new ArrayList<>();
        int[][] seqs = new int[users][];
        for (int u = 0; u < users; u++) {
            userIds.add("u" + u);
            int len = minLength + rnd.nextInt(maxLength - minLength + 1);
            seqs[u] = new int[len];
            seqs[u][0] = rnd.nextInt(items);
            for (int t = 1; t < len; t++) seqs[u][t] = next[seqs[u][t - 1]];
        }
        data = new Interactions(userIds, catalog, seqs);
        int[][] c = new int[items][levels];
        for (int[] row : c) for (int l = 0; l < levels; l++) row[l] = rnd.nextInt(codebook);
        List<SemanticId> sids = new SemanticIdAssigner().assign(catalog.ids(), c).ids();
        ids = new IdTable(catalog.ids(), sids);
        codes = ItemCodes.of(catalog.ids(), ids);
    }
}
