package dev.semid.eval.recsys;

import java.util.List;

/**
 * Every user's items in time order (oldest first), as catalogue indices; a user may repeat an
 * item. The catalogue is every item that occurs in any sequence.
 */
public record Interactions(List<String> users, ItemCatalog items, int[][] sequences) {
    public Interactions {
        users = List.copyOf(users);
        if (users.size() != sequences.length)
            throw new IllegalArgumentException(users.size() + " users for " + sequences.length + " sequences");
    }

    public int userCount() { return users.size(); }

    /** Total number of interactions. */
    public long size() {
        long n = 0;
        for (int[] s : sequences) n += s.length;
        return n;
    }
}
