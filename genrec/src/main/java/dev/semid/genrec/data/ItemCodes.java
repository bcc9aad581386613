package dev.semid.genrec.data;

import dev.semid.tokenizer.sid.SemanticId;

import java.util.ArrayList;
import java.util.List;

/**
 * The token tuple of every catalogue item, aligned with the catalogue's item indices: position
 * p < L holds code k_{p+1}, position L the dedup token. Each position has its own vocabulary,
 * 0..{@link #vocab(int)}−1, sized by the largest token the ID set uses there.
 */
public final class ItemCodes {
    private final int[][] tokens;
    private final int[] vocab;
    private final String fingerprint;

    private ItemCodes(int[][] tokens, int[] vocab, String fingerprint) {
        this.tokens = tokens;
        this.vocab = vocab;
        this.fingerprint = fingerprint;
    }

    /**
     * The IDs of {@code catalogueIds} (item index order) from the set; an item without an ID is
     * an error that names it. Items of the set outside the catalogue are left out.
     */
    public static ItemCodes of(List<String> catalogueIds, IdTable ids) {
        int positions = ids.levels() + 1;
        int[][] t = new int[catalogueIds.size()][];
        int[] vocab = new int[positions];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            SemanticId s = ids.sidOf(catalogueIds.get(i));
            if (s == null) {
                if (missing.size() < 5) missing.add(catalogueIds.get(i));
                continue;
            }
            t[i] = s.withDedup();
            for (int p = 0; p < positions; p++) vocab[p] = Math.max(vocab[p], t[i][p] + 1);
        }
        if (!missing.isEmpty()) {
            long n = java.util.Arrays.stream(t).filter(java.util.Objects::isNull).count();
            throw new MissingIdException("item" + (n > 1 ? "s " : " ") + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList())
                    + (n > missing.size() ? " and " + (n - missing.size()) + " more" : "") + " of the sequences " + (n > 1 ? "have" : "has")
                    + " no semantic ID in the ID set (" + ids.size() + " items, fingerprint " + ids.fingerprint() + ")");
        }
        return new ItemCodes(t, vocab, ids.fingerprint());
    }

    /** Direct construction (tests, synthetic tasks): tokens[item] = L codes + dedup token. */
    public static ItemCodes ofTokens(int[][] tokens, String fingerprint) {
        int positions = tokens[0].length;
        int[] vocab = new int[positions];
        for (int[] row : tokens) {
            if (row.length != positions) throw new IllegalArgumentException("token tuples of different lengths");
            for (int p = 0; p < positions; p++) vocab[p] = Math.max(vocab[p], row[p] + 1);
        }
        return new ItemCodes(tokens.clone(), vocab, fingerprint);
    }

    /**
     * The same IDs under a trained model's vocabularies: a token outside them is an error that
     * names the item (the model has no embedding or logit for it).
     */
    public ItemCodes withVocab(int[] trained, List<String> itemIds) {
        if (trained.length != vocab.length)
            throw new IllegalArgumentException("IDs of " + vocab.length + " tokens, the model was trained on IDs of " + trained.length);
        for (int i = 0; i < tokens.length; i++)
            for (int p = 0; p < trained.length; p++)
                if (tokens[i][p] >= trained[p])
                    throw new IllegalArgumentException("item '" + itemIds.get(i) + "' has token " + tokens[i][p] + " at position " + (p + 1)
                            + ", outside the model's vocabulary of " + trained[p]);
        return new ItemCodes(tokens, trained.clone(), fingerprint);
    }

    public int items() { return tokens.length; }
    /** Tokens per item: L levels + the dedup token. */
    public int positions() { return vocab.length; }
    public int vocab(int position) { return vocab[position]; }
    public int[] vocabs() { return vocab.clone(); }
    public int token(int item, int position) { return tokens[item][position]; }
    public int[] tokens(int item) { return tokens[item].clone(); }
    public String fingerprint() { return fingerprint; }

    /** Thrown when an item of the sequences has no ID. */
    public static final class MissingIdException extends IllegalArgumentException {
        public MissingIdException(String message) { super(message); }
    }
}
