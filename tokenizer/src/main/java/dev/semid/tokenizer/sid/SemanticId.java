package dev.semid.tokenizer.sid;

import java.util.Arrays;

/**
 * A semantic ID: a {@link CodeTuple} of L quantizer codes (k_1..k_L) followed by a dedup token
 * k_{L+1} (TIGER). Every assigned ID carries the token (0 for the first item of a code tuple), so
 * the text form always has L+1 numbers.
 *
 * <p>Canonical text form, used in files, Lucene, Kafka and HTTP: the tuple's, then the token,
 * {@code 12-201-7-0}; IDs order by tuple, then token.
 * Token form for language models: {@code <a_12><b_201><c_7><d_0>}.
 */
public final class SemanticId implements Comparable<SemanticId> {
    private final CodeTuple tuple;
    private final int dedup;

    public SemanticId(CodeTuple tuple, int dedup) {
        if (dedup < 0) throw new IllegalArgumentException("negative dedup token " + dedup);
        this.tuple = java.util.Objects.requireNonNull(tuple, "code tuple");
        this.dedup = dedup;
    }

    public SemanticId(int[] codes, int dedup) {
        this(CodeTuple.of(codes), dedup);
    }

    /** Parses the canonical text form; the last number is the dedup token. */
    public static SemanticId parse(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty semantic ID");
        if (text.indexOf(CodeTuple.SEPARATOR) < 0)
            throw new IllegalArgumentException("semantic ID '" + text + "' needs at least one code and a dedup token, e.g. 12-201-7-0");
        int[] all = CodeTuple.parseNumbers(text, "semantic ID", "12-201-7-0");
        return new SemanticId(CodeTuple.own(Arrays.copyOf(all, all.length - 1)), all[all.length - 1]);
    }

    public CodeTuple tuple() { return tuple; }
    public int levels() { return tuple.levels(); }
    public int code(int level) { return tuple.code(level); }
    public int[] codes() { return tuple.toArray(); }
    public int dedup() { return dedup; }

    /** All L codes and the token, as written to JSONL ({@code "codes": [12, 201, 7, 0]}). */
    public int[] withDedup() {
        int[] all = new int[levels() + 1];
        for (int l = 0; l < levels(); l++) all[l] = tuple.code(l);
        all[levels()] = dedup;
        return all;
    }

    /** {@code <a_12><b_201><c_7><d_0>}: level letters a, b, c, ... then the dedup token's letter. */
    public String tokens() {
        StringBuilder sb = new StringBuilder();
        int[] all = withDedup();
        for (int i = 0; i < all.length; i++) sb.append('<').append(levelLetter(i)).append('_').append(all[i]).append('>');
        return sb.toString();
    }

    static String levelLetter(int i) {
        return i < 26 ? String.valueOf((char) ('a' + i)) : "l" + i;
    }

    /** Appends the text form, the tuple's then the token: writers of many IDs build no string per ID. */
    public StringBuilder appendTo(StringBuilder sb) {
        return tuple.appendTo(sb).append(CodeTuple.SEPARATOR).append(dedup);
    }

    @Override public String toString() { return appendTo(new StringBuilder(16)).toString(); }

    @Override public boolean equals(Object o) {
        return o instanceof SemanticId s && s.dedup == dedup && s.tuple.equals(tuple);
    }

    @Override public int hashCode() { return 31 * tuple.hashCode() + dedup; }

    @Override public int compareTo(SemanticId o) {
        int c = tuple.compareTo(o.tuple);
        return c != 0 ? c : Integer.compare(dedup, o.dedup);
    }
}
