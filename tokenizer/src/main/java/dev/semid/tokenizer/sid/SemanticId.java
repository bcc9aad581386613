package dev.semid.tokenizer.sid;

import java.util.Arrays;

/**
 * A semantic ID: L quantizer codes (k_1..k_L) followed by a dedup token k_{L+1} (TIGER).
 * Every assigned ID carries the token (0 for the first item of a code tuple), so the text
 * form always has L+1 numbers.
 *
 * <p>Canonical text form, used in files, Lucene, Kafka and HTTP: {@code 12-201-7-0}.
 * Token form for language models: {@code <a_12><b_201><c_7><d_0>}.
 */
public final class SemanticId implements Comparable<SemanticId> {
    private final int[] codes;
    private final int dedup;

    public SemanticId(int[] codes, int dedup) {
        if (codes.length == 0) throw new IllegalArgumentException("a semantic ID needs at least one code");
        for (int c : codes) if (c < 0) throw new IllegalArgumentException("negative code in " + Arrays.toString(codes));
        if (dedup < 0) throw new IllegalArgumentException("negative dedup token " + dedup);
        this.codes = codes.clone();
        this.dedup = dedup;
    }

    /** Parses the canonical text form; the last number is the dedup token. */
    public static SemanticId parse(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty semantic ID");
        String[] parts = text.split("-", -1);
        if (parts.length < 2)
            throw new IllegalArgumentException("semantic ID '" + text + "' needs at least one code and a dedup token, e.g. 12-201-7-0");
        int[] all = new int[parts.length];
        for (int i = 0; i < parts.length; i++) all[i] = parseNumber(text, parts[i]);
        return new SemanticId(Arrays.copyOf(all, all.length - 1), all[all.length - 1]);
    }

    /** Parses a prefix of codes ({@code 12} or {@code 12-201}); used for prefix browsing. */
    public static int[] parsePrefix(String text) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty semantic-ID prefix");
        String[] parts = text.split("-", -1);
        int[] codes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) codes[i] = parseNumber(text, parts[i]);
        return codes;
    }

    private static int parseNumber(String text, String part) {
        if (part.isEmpty() || part.length() > 9 || !part.chars().allMatch(ch -> ch >= '0' && ch <= '9'))
            throw new IllegalArgumentException("malformed semantic ID '" + text + "': '" + part
                    + "' is not a non-negative integer (expected numbers joined by '-', e.g. 12-201-7-0)");
        return Integer.parseInt(part);
    }

    public int levels() { return codes.length; }
    public int code(int level) { return codes[level]; }
    public int[] codes() { return codes.clone(); }
    public int dedup() { return dedup; }

    /** All L codes and the token, as written to JSONL ({@code "codes": [12, 201, 7, 0]}). */
    public int[] withDedup() {
        int[] all = Arrays.copyOf(codes, codes.length + 1);
        all[codes.length] = dedup;
        return all;
    }

    /** Text of the first {@code n} codes, e.g. {@code 12-201} for n = 2. */
    public String prefix(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) sb.append('-');
            sb.append(codes[i]);
        }
        return sb.toString();
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

    @Override public String toString() { return prefix(codes.length) + "-" + dedup; }

    @Override public boolean equals(Object o) {
        return o instanceof SemanticId s && s.dedup == dedup && Arrays.equals(s.codes, codes);
    }

    @Override public int hashCode() { return 31 * Arrays.hashCode(codes) + dedup; }

    @Override public int compareTo(SemanticId o) {
        int c = Arrays.compare(codes, o.codes);
        return c != 0 ? c : Integer.compare(dedup, o.dedup);
    }
}
