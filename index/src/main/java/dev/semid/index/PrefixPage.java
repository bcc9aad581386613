package dev.semid.index;

import java.util.List;

/**
 * One page of the items under a prefix, in semantic-ID order (codes, then dedup token).
 * {@code next} is the cursor for the following page (the last ID on this one), null at the end.
 */
public record PrefixPage(String prefix, long total, List<SidEntry> items, String next) {
    public PrefixPage {
        items = List.copyOf(items);
    }
}
