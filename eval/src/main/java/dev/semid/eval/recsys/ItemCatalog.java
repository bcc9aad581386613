package dev.semid.eval.recsys;

import dev.semid.tokenizer.sid.ItemIdOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The items a recommender ranks, numbered 0..n−1 in {@link ItemIdOrder} (numeric ids
 * numerically), so that "ties by item id" is "ties by index".
 */
public final class ItemCatalog {
    private final List<String> ids;
    private final Map<String, Integer> index;

    private ItemCatalog(List<String> sortedIds) {
        this.ids = List.copyOf(sortedIds);
        this.index = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
    }

    /** The distinct ids, sorted. */
    public static ItemCatalog of(Iterable<String> ids) {
        TreeSet<String> sorted = new TreeSet<>(ItemIdOrder.INSTANCE);
        for (String id : ids) sorted.add(id);
        return new ItemCatalog(List.copyOf(sorted));
    }

    public int size() { return ids.size(); }
    public String id(int index) { return ids.get(index); }
    public List<String> ids() { return ids; }

    /** The index of an id, or −1 when the catalogue does not have it. */
    public int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }
}
