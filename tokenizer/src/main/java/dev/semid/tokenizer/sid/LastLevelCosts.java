package dev.semid.tokenizer.sid;

/**
 * Squared distances ||r_L − c_{L,k}||² from an item's last-level residual to each of the K
 * last-level codes (K = the array's length). Items are indices into the lists given to
 * {@link SinkhornReassigner#reassign}. Only items that may move are asked.
 */
@FunctionalInterface
public interface LastLevelCosts {
    float[] costs(int item);
}
