package dev.semid.index;

import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;

import java.util.Objects;

/**
 * What an index was built for: the model fingerprint and the ID layout (L levels of K codes,
 * plus the dedup token). Every ID in the index is valid under it, and an index is never read
 * or written with a model of another fingerprint unless re-indexing is asked for.
 */
public record IndexModel(String fingerprint, int levels, int codebookSize) {
    public IndexModel {
        Objects.requireNonNull(fingerprint, "fingerprint");
        if (fingerprint.isBlank()) throw new IllegalArgumentException("empty model fingerprint");
        if (levels < 1) throw new IllegalArgumentException("levels must be >= 1, got " + levels);
        if (codebookSize < 1) throw new IllegalArgumentException("codebookSize must be >= 1, got " + codebookSize);
    }

    /** The layout and fingerprint of a tokenizer's model. */
    public static IndexModel of(dev.semid.tokenizer.Tokenizer t) {
        return new IndexModel(t.fingerprint(), t.levels(), t.codebookSize());
    }

    /** The layout and fingerprint of a trained or loaded model. */
    public static IndexModel of(dev.semid.tokenizer.model.QuantizerModel m) {
        return new IndexModel(dev.semid.tokenizer.model.ModelFingerprint.of(m), m.levels(), m.codebookSize());
    }

    /** The canonical text form this index stores, e.g. {@code k1-k2-k3-dedup (3 levels × 256 codes)}. */
    public String idFormat() {
        StringBuilder sb = new StringBuilder();
        for (int l = 1; l <= levels; l++) sb.append('k').append(l).append('-');
        return sb.append("dedup (").append(levels).append(" levels × ").append(codebookSize).append(" codes)").toString();
    }

    /** Throws with the offending text unless {@code sid} has L codes, each below K. */
    public SemanticId check(SemanticId sid) {
        if (sid.levels() != levels)
            throw new IllegalArgumentException("semantic ID '" + sid + "' has " + sid.levels() + " codes; this index holds "
                    + idFormat());
        checkCodes(sid.toString(), sid.codes());
        return sid;
    }

    /** Parses a full ID ({@code 12-201-7-0}) and checks it against the layout. */
    public SemanticId parseSid(String text) {
        return check(SemanticId.parse(text));
    }

    /**
     * Parses a prefix of 0..L codes ({@code ""} is the root, {@code 12-201} two levels) and checks
     * it against the layout.
     */
    public int[] parsePrefix(String text) {
        if (text == null || text.isEmpty()) return new int[0];
        int[] codes = CodeTuple.parse(text).toArray();
        if (codes.length > levels)
            throw new IllegalArgumentException("prefix '" + text + "' has " + codes.length + " codes; this index holds "
                    + idFormat() + ", so a prefix has at most " + levels);
        checkCodes(text, codes);
        return codes;
    }

    private void checkCodes(String text, int[] codes) {
        for (int l = 0; l < codes.length; l++)
            if (codes[l] >= codebookSize)
                throw new IllegalArgumentException("'" + text + "' has code " + codes[l] + " at level " + (l + 1)
                        + "; this index's codebooks have codes 0.." + (codebookSize - 1));
    }
}
