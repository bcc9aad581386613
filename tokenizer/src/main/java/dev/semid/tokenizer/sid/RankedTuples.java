package dev.semid.tokenizer.sid;

/**
 * The code tuples one item may take, in the order it takes them: rank 0 is the tuple the
 * quantizer chose, later ranks are where it spills when that one has no dedup token left
 * (nearest first, e.g. {@code ResidualQuantizer.alternatives(z, codes)::tuple}).
 */
@FunctionalInterface
public interface RankedTuples {
    /** The codes of the tuple at {@code rank} (≥ 0), or null past the last. */
    int[] tuple(int rank);

    /** Ranks an item's tuples from its codes (after any re-assignment): where the batch path learns where items may spill. */
    @FunctionalInterface
    interface Source {
        RankedTuples of(int item, int[] codes);
    }

    /** The quantizer's tuple alone: nowhere to spill. */
    static RankedTuples only(CodeTuple own) {
        int[] codes = own.toArray();
        return rank -> rank == 0 ? codes : null;
    }
}
