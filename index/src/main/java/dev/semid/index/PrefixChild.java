package dev.semid.index;

/**
 * A child of a prefix in the ID tree: the next code, the child prefix it makes, and how many
 * items lie under it. Below a full code tuple the children are the dedup tokens (one item each).
 */
public record PrefixChild(int code, String prefix, long count) {}
