package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class CollisionConfigTest {
    @Test
    void defaults() {
        CollisionConfig c = CollisionConfig.defaults();
        assertEquals(255, c.maxDedup());
        assertFalse(c.reassign());
        assertEquals(10, c.reassignRounds());
        assertEquals(50, c.sinkhornIterations());
        assertEquals(0.05, c.sinkhornEpsilon());
        assertEquals(3, c.withMaxDedup(3).maxDedup());
        assertTrue(c.withReassign(true).reassign());
    }

    @Test
    void validates() {
        assertEquals(0, new CollisionConfig(0, false, 1, 1, 1e-9).maxDedup());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollisionConfig(-1, false, 10, 50, 0.05))
                .getMessage().contains("maxDedup"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollisionConfig(255, true, 0, 50, 0.05))
                .getMessage().contains("reassignRounds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollisionConfig(255, true, 10, 0, 0.05))
                .getMessage().contains("sinkhornIterations"));
        for (double eps : new double[] {0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
            assertTrue(assertThrows(IllegalArgumentException.class, () -> new CollisionConfig(255, true, 10, 50, eps))
                    .getMessage().contains("sinkhornEpsilon"));
    }
}
