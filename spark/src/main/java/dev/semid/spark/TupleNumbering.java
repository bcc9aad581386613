package dev.semid.spark;

import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The dedup tokens of one code tuple's items, from {@link SemanticIdAssigner} itself: its tokens
 * depend only on the ids inside a tuple's group, so numbering each group apart gives exactly the
 * IDs {@code semid tokenize} gives the whole catalogue (and its overflow error, tuple named). The
 * group's collisions before and after the dedup token go into the partition's tally: a tuple's
 * items are all in its group, so the groups' tallies add up to the catalogue's.
 */
final class TupleNumbering implements FlatMapGroupsFunction<String, EncodedItem, SidRow> {
    private static final long serialVersionUID = 1L;

    private final TokenizeOptions options;
    private final PartitionTallies tallies;

    TupleNumbering(TokenizeOptions options, PartitionTallies tallies) {
        this.options = options;
        this.tallies = tallies;
    }

    @Override
    public Iterator<SidRow> call(String tuple, Iterator<EncodedItem> items) {
        List<String> ids = new ArrayList<>();
        List<int[]> codes = new ArrayList<>();
        items.forEachRemaining(e -> {
            ids.add(e.getId());
            codes.add(e.getCodes());
        });
        int[][] tuples = codes.toArray(new int[0][]);
        List<SemanticId> sids = new SemanticIdAssigner(options.collisions()).assign(ids, tuples).ids();
        tallies.local().addIds(tuples, sids);
        List<SidRow> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) out.add(new SidRow(ids.get(i), sids.get(i).toString(), sids.get(i).withDedup()));
        return out.iterator();
    }
}
