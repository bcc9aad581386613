package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CollisionStatsTest {
    private static final int[][] CODES = {{1, 2}, {1, 2}, {1, 3}, {2, 2}, {1, 2}};

    @Test
    void fullTuples() {
        // groups: 1-2 x3, 1-3 x1, 2-2 x1
        assertEquals(new CollisionStats(5, 3, 0.4, 3, 3), CollisionStats.of(CODES));
    }

    @Test
    void prefixes() {
        // first code: 1 x4, 2 x1
        CollisionStats p1 = CollisionStats.of(CODES, 1);
        assertEquals(2, p1.distinctIds());
        assertEquals(0.6, p1.collisionRate(), 1e-12);
        assertEquals(4, p1.collidingItems());
        assertEquals(4, p1.largestGroup());
        assertEquals(new CollisionStats(5, 1, 0.8, 5, 5), CollisionStats.of(CODES, 0));
    }

    @Test
    void noCollisionsAndNoItems() {
        assertEquals(new CollisionStats(3, 3, 0.0, 0, 1), CollisionStats.of(new int[][] {{1}, {2}, {3}}));
        assertEquals(new CollisionStats(0, 0, 0.0, 0, 0), CollisionStats.of(new int[0][]));
    }

    @Test
    void rejectsRaggedOrShortRows() {
        assertThrows(IllegalArgumentException.class, () -> CollisionStats.of(new int[][] {{1, 2}, {1}}));
        assertThrows(IllegalArgumentException.class, () -> CollisionStats.of(new int[][] {{1, 2}, {1}}, 2));
    }
}
