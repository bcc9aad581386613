package dev.semid.serving.stream;

import dev.semid.tokenizer.sid.DedupOverflowException;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns claims into semantic IDs, against what the index already holds. Called only by the
 * owner of the claims' partition, so it is the one place that hands out tokens for these tuples:
 * <ul>
 *   <li>an item that has an ID keeps it (re-delivery is idempotent), unless re-tokenizing is asked
 *       for and its codes changed;</li>
 *   <li>otherwise it gets the smallest dedup token that no other item holds in the index or in
 *       this batch ({@link SemanticIdAssigner#assignOne}); a tuple's tokens are read once per batch.</li>
 * </ul>
 */
public final class ClaimResolver {
    /**
     * A claim's outcome; {@code changed} = the index must be updated (new item or new ID);
     * {@code error} (sid null) = no ID can be given, e.g. the tuple's dedup tokens are exhausted.
     */
    public record Resolved(Claim claim, SemanticId sid, boolean changed, String error) {
        Resolved(Claim claim, SemanticId sid, boolean changed) { this(claim, sid, changed, null); }
    }

    private final SemanticIdAssigner assigner;
    private final boolean retokenizeAll;

    public ClaimResolver(SemanticIdAssigner assigner, boolean retokenizeAll) {
        this.assigner = assigner;
        this.retokenizeAll = retokenizeAll;
    }

    /** Outcomes in claim order; an item claimed twice in a batch gets one ID, decided by its first claim. */
    public List<Resolved> resolve(List<Claim> claims, AssignedIds index) {
        List<Resolved> out = new ArrayList<>(claims.size());
        Map<String, SemanticId> decided = new HashMap<>();
        Map<String, java.util.BitSet> tokens = new HashMap<>();
        for (Claim c : claims) {
            SemanticId mine = decided.get(c.id());
            boolean known = mine != null;
            if (!known) mine = index.idOf(c.id());
            boolean retokenize = retokenizeAll || c.retokenize();
            if (mine != null && (!retokenize || Arrays.equals(mine.codes(), c.codes()))) {
                out.add(new Resolved(c, mine, false));
                decided.put(c.id(), mine);
                continue;
            }
            // the tuple's tokens, read once per batch and kept up to date here
            java.util.BitSet taken = tokens.computeIfAbsent(java.util.Arrays.toString(c.codes()), k -> index.tokens(c.codes()));
            SemanticId fresh;
            try {
                fresh = assigner.assignOne(c.id(), c.codes(), s -> taken.get(s.dedup()));
            } catch (DedupOverflowException e) {
                out.add(new Resolved(c, null, false, e.getMessage()));
                continue;
            }
            taken.set(fresh.dedup());
            decided.put(c.id(), fresh);
            out.add(new Resolved(c, fresh, true));
        }
        return out;
    }


}
