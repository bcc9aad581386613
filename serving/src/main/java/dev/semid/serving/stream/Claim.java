package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;

/**
 * An item's claim on a code tuple, sent to the claims topic in the tuple's partition, so that the
 * one instance owning that partition hands out the tuple's dedup tokens.
 *
 * @param tuple           the tuple the quantizer chose (rank 0 of the item's ranking)
 * @param sourceTimestamp the input record's timestamp, for the produce → output latency
 * @param latent          the item's latent z, from which the tuples it may spill to are ranked
 *                        ({@code ResidualQuantizer.alternatives}); null in a claim of a semid that did
 *                        not send it: such an item cannot spill
 * @param rank            where in that ranking the claim stands: 0 as the tokenize stage sends it, the
 *                        rank of the tuple it was forwarded to when the owners before it had no room
 */
public record Claim(String id, CodeTuple tuple, String payload, boolean retokenize, long sourceTimestamp, float[] latent, int rank) {
    /** This claim, moved on to the tuple at {@code rank}. */
    public Claim at(int rank) { return new Claim(id, tuple, payload, retokenize, sourceTimestamp, latent, rank); }
}
