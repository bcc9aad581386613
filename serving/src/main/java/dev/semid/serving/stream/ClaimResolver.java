package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.DedupOverflowException;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns claims into semantic IDs, against what the index already holds. Called only by the
 * owner of the claims' partition, so it is the one place that hands out tokens for these tuples:
 * <ul>
 *   <li>an item that has an ID keeps it (re-delivery is idempotent), unless re-tokenizing is asked
 *       for and its codes changed;</li>
 *   <li>otherwise it gets the smallest dedup token that no other item holds in the index or in
 *       this batch ({@link SemanticIdAssigner#assignOne}); a tuple's tokens are read from the index
 *       once and then kept up to date here ({@link TupleTokens}).</li>
 * </ul>
 * If the IDs it hands out are not written after all (the write failed), {@link #forget} must be
 * called: the kept tokens would otherwise count them as held.
 */
public final class ClaimResolver {
    /**
     * A claim's outcome; {@code changed} = the index must be updated (new item, {@code previous}
     * null, or an item moved from {@code previous}); {@code error} (sid null) = no ID can be
     * given, e.g. the tuple's dedup tokens are exhausted.
     */
    public record Resolved(Claim claim, SemanticId sid, boolean changed, SemanticId previous, String error) {
        static Resolved kept(Claim claim, SemanticId sid) { return new Resolved(claim, sid, false, null, null); }
    }

    private final SemanticIdAssigner assigner;
    private final boolean retokenizeAll;
    private final TupleTokens tuples;

    public ClaimResolver(SemanticIdAssigner assigner, boolean retokenizeAll, TupleTokens tuples) {
        this.assigner = assigner;
        this.retokenizeAll = retokenizeAll;
        this.tuples = tuples;
    }

    /** Outcomes in claim order; an item claimed twice in a batch gets one ID, decided by its first claim. */
    public List<Resolved> resolve(List<Claim> claims, AssignedIds index) {
        List<Resolved> out = new ArrayList<>(claims.size());
        Map<String, SemanticId> decided = new HashMap<>();
        Map<CodeTuple, BitSet> batch = new HashMap<>(); // this batch's tuples, whatever the cache drops meanwhile
        for (Claim c : claims) {
            SemanticId mine = decided.get(c.id());
            if (mine == null) mine = index.idOf(c.id());
            boolean retokenize = retokenizeAll || c.retokenize();
            if (mine != null && (!retokenize || mine.tuple().equals(c.tuple()))) {
                out.add(Resolved.kept(c, mine));
                decided.put(c.id(), mine);
                continue;
            }
            BitSet taken = batch.computeIfAbsent(c.tuple(), t -> tuples.of(t, () -> index.tokens(t)));
            SemanticId fresh;
            try {
                fresh = assigner.assignOne(c.id(), c.tuple(), s -> taken.get(s.dedup()));
            } catch (DedupOverflowException e) {
                out.add(new Resolved(c, null, false, null, e.getMessage()));
                continue;
            }
            taken.set(fresh.dedup());
            if (mine != null) tuples.release(mine); // the item moved: its old token is free again
            decided.put(c.id(), fresh);
            out.add(new Resolved(c, fresh, true, mine, null));
        }
        return out;
    }

    /** The IDs handed out since the index was last written were not written: read tuples from the index again. */
    public void forget() { tuples.clear(); }

    /** Another writer changed what is held under this tuple. */
    public void invalidate(CodeTuple tuple) { tuples.invalidate(tuple); }
}
