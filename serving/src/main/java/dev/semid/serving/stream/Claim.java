package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;

/**
 * An item's claim on a code tuple, sent to the claims topic in the tuple's partition, so that the
 * one instance owning that partition hands out the tuple's dedup tokens.
 *
 * @param sourceTimestamp the input record's timestamp, for the produce → output latency
 */
public record Claim(String id, CodeTuple tuple, String payload, boolean retokenize, long sourceTimestamp) {}
