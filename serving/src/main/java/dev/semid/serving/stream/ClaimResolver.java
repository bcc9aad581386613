package dev.semid.serving.stream;

import dev.semid.tokenizer.rq.ResidualQuantizer;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.DedupOverflowException;
import dev.semid.tokenizer.sid.Placement;
import dev.semid.tokenizer.sid.RankedTuples;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns claims into semantic IDs, against what the index already holds. Called only by the
 * owner of the claims' partitions, so it is the one place that hands out tokens for their tuples:
 * <ul>
 *   <li>an item that has an ID keeps it (re-delivery is idempotent), unless re-tokenizing is asked
 *       for and its codes changed;</li>
 *   <li>otherwise it gets the smallest dedup token that no other item holds in the index or in
 *       this batch, in the first tuple of its ranking that has one ({@link SemanticIdAssigner#place},
 *       the batch path's rule): its own tuple, else the nearest alternative (it spills); a tuple's
 *       tokens are read from the index once and then kept up to date here ({@link TupleTokens});</li>
 *   <li>when the walk reaches a tuple of a claims partition this instance does not own, the claim
 *       is forwarded there, at that rank, for its owner to go on. Until this instance sees the item's
 *       ID, a later claim of the item goes the same way from where the first left, even if a token
 *       was freed meanwhile in a tuple the first found full: else a re-delivered item could get a
 *       second ID here while its first claim gets one there.</li>
 * </ul>
 * If the IDs it hands out are not written after all (the write failed), {@link #forget} must be
 * called: the kept tokens would otherwise count them as held.
 */
public final class ClaimResolver {
    /**
     * A claim's outcome; {@code changed} = the index must be updated (new item, {@code previous}
     * null, or an item moved from {@code previous}); {@code error} (sid null) = no ID can be
     * given: every tuple the item may take is full; {@code forwardTo} (sid null) = the claim,
     * moved on to {@code rank}, belongs to the owner of that tuple. {@code rank} is the rank of the
     * ID's tuple in the item's ranking (0: the quantizer's own), {@code tokensLeft} what a new ID
     * left of its tuple's tokens.
     */
    public record Resolved(Claim claim, SemanticId sid, boolean changed, SemanticId previous, String error, int rank,
                           CodeTuple forwardTo, int tokensLeft) {
        static Resolved kept(Claim claim, SemanticId sid) { return new Resolved(claim, sid, false, null, null, 0, null, -1); }

        /** A new ID in another tuple than the quantizer's, which was full. */
        public boolean spilled() { return changed && rank > 0; }

        /** The item's quantizer tuple if its ID is in another, else null: what its output record says it spilled from. */
        public CodeTuple spilledFrom() { return sid != null && !sid.tuple().equals(claim.tuple()) ? claim.tuple() : null; }
    }

    /** How long a forwarded item's route is remembered without its ID showing up (its claim was dead-lettered, say). */
    static final long FORWARD_MEMORY_NANOS = 600_000_000_000L;

    private final SemanticIdAssigner assigner;
    private final ResidualQuantizer quantizer;
    private final boolean retokenizeAll;
    private final TupleTokens tuples;
    /** Items this instance forwarded and has not seen an ID of: the rank it forwarded them at, and when. */
    private final Map<String, long[]> forwarded = new java.util.LinkedHashMap<>();

    /** {@code quantizer} ranks the tuples an item may spill to, from the latent its claim carries. */
    public ClaimResolver(SemanticIdAssigner assigner, ResidualQuantizer quantizer, boolean retokenizeAll, TupleTokens tuples) {
        this.assigner = assigner;
        this.quantizer = quantizer;
        this.retokenizeAll = retokenizeAll;
        this.tuples = tuples;
    }

    /**
     * Outcomes in claim order; an item claimed twice in a batch gets one ID, decided by its first
     * claim. {@code owned}: the tuples whose tokens this instance hands out now.
     */
    public List<Resolved> resolve(List<Claim> claims, AssignedIds index, Predicate<CodeTuple> owned) {
        List<Resolved> out = new ArrayList<>(claims.size());
        Map<String, SemanticId> decided = new HashMap<>();
        Map<CodeTuple, BitSet> batch = new HashMap<>(); // this batch's tuples, whatever the cache drops meanwhile
        for (Claim c : claims) {
            SemanticId mine = decided.get(c.id());
            if (mine == null) mine = index.idOf(c.id());
            boolean retokenize = retokenizeAll || c.retokenize();
            if (mine != null && !retokenize) {
                forwarded.remove(c.id());
                out.add(Resolved.kept(c, mine));
                decided.put(c.id(), mine);
                continue;
            }
            RankedTuples ranked = ranking(c);
            long[] route = forwarded.get(c.id());
            int from = route == null ? c.rank() : Math.max(c.rank(), (int) route[0]);
            Placement p;
            try {
                p = assigner.place(c.id(), ranked, from, owned, t -> batch.computeIfAbsent(t, k -> tuples.of(k, () -> index.tokens(k))), mine);
            } catch (DedupOverflowException e) {
                out.add(new Resolved(c, null, false, null, e.getMessage(), c.rank(), null, -1));
                continue;
            }
            if (!p.placed()) {
                remember(c.id(), p.rank());
                out.add(new Resolved(c.at(p.rank()), null, false, null, null, p.rank(), CodeTuple.of(ranked.tuple(p.rank())), -1));
                continue;
            }
            forwarded.remove(c.id());
            SemanticId fresh = p.id();
            decided.put(c.id(), fresh);
            if (fresh.equals(mine)) { // re-tokenized, and its ranking reached its own ID's tuple first
                out.add(Resolved.kept(c, mine));
                continue;
            }
            BitSet taken = batch.get(fresh.tuple());
            taken.set(fresh.dedup());
            if (mine != null) tuples.release(mine); // the item moved: its old token is free again
            out.add(new Resolved(c, fresh, true, mine, null, p.rank(), null, assigner.config().maxDedup() + 1 - taken.cardinality()));
        }
        return out;
    }

    private void remember(String itemId, int rank) {
        long now = System.nanoTime();
        for (var it = forwarded.values().iterator(); it.hasNext(); ) { // oldest first
            if (now - it.next()[1] < FORWARD_MEMORY_NANOS) break;
            it.remove();
        }
        forwarded.remove(itemId); // re-inserted last: the map stays in age order
        forwarded.put(itemId, new long[] {rank, now});
    }

    /** Another instance published an ID of this item: a route this instance remembers for it is done. */
    public void seen(String itemId) { forwarded.remove(itemId); }

    /** The claim's tuples in the order it takes them; only its own when it carries no (usable) latent. */
    private RankedTuples ranking(Claim c) {
        if (c.latent() == null || c.latent().length != quantizer.dimension()) return RankedTuples.only(c.tuple());
        int[] own = c.tuple().toArray();
        // the alternatives (a residual and K distances) only once a rank past the claim's own tuple is asked for
        return new RankedTuples() {
            private RankedTuples alternatives;

            @Override public int[] tuple(int rank) {
                if (rank == 0) return own;
                if (alternatives == null) alternatives = quantizer.alternatives(c.latent(), own)::tuple;
                return alternatives.tuple(rank);
            }
        };
    }

    /** The IDs handed out since the index was last written were not written: read tuples from the index again. */
    public void forget() { tuples.clear(); }

    /** Another writer changed what is held under this tuple. */
    public void invalidate(CodeTuple tuple) { tuples.invalidate(tuple); }
}
