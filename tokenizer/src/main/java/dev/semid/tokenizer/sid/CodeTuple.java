package dev.semid.tokenizer.sid;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The quantizer codes of an item, k_1..k_L, without the dedup token: what items collide on, what
 * a semantic ID's prefixes are made of, and what the stream partitions claims by.
 *
 * <p>This class is the one definition of a tuple's text form ({@code 12-201-7}), hash and order
 * (lexicographic by code, a prefix before its extensions). Code that holds codes as {@code int[]}
 * rows for speed (grouping a million items, encoding batches) uses the static forms, which the
 * instance methods are built on, so there is still one implementation of each.
 */
public final class CodeTuple implements Comparable<CodeTuple> {
    /** Between the numbers of the text form. */
    public static final char SEPARATOR = '-';

    private final int[] codes;
    private final int hash;

    private CodeTuple(int[] codes) {
        if (codes.length == 0) throw new IllegalArgumentException("a code tuple needs at least one code");
        for (int c : codes) if (c < 0) throw new IllegalArgumentException("negative code in " + Arrays.toString(codes));
        this.codes = codes;
        this.hash = hash(codes, codes.length);
    }

    /** A tuple of these codes (copied); at least one, none negative. */
    public static CodeTuple of(int... codes) {
        return new CodeTuple(codes.clone());
    }

    /** Takes {@code codes} without a copy: for callers in this package that made the array and drop it. */
    static CodeTuple own(int[] codes) {
        return new CodeTuple(codes);
    }

    /** Parses the text form, e.g. {@code 12-201-7}; the message names the text and what is wrong with it. */
    public static CodeTuple parse(String text) {
        return new CodeTuple(parseNumbers(text, "code tuple", "12-201-7"));
    }

    /**
     * The numbers of a text in the canonical form, as {@link #parse} and {@link SemanticId#parse}
     * read them: ASCII digits (at most 9, so no overflow) joined by {@link #SEPARATOR}.
     */
    static int[] parseNumbers(String text, String what, String example) {
        if (text == null || text.isEmpty()) throw new IllegalArgumentException("empty " + what);
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == SEPARATOR) n++;
        int[] out = new int[n];
        for (int k = 0, from = 0; k < n; k++) {
            int to = text.indexOf(SEPARATOR, from);
            if (to < 0) to = text.length();
            out[k] = parseNumber(text, from, to, what, example);
            from = to + 1;
        }
        return out;
    }

    private static int parseNumber(String text, int from, int to, String what, String example) {
        boolean ok = to > from && to - from <= 9;
        int v = 0;
        for (int i = from; ok && i < to; i++) {
            char ch = text.charAt(i);
            ok = ch >= '0' && ch <= '9';
            v = 10 * v + (ch - '0');
        }
        if (!ok)
            throw new IllegalArgumentException("malformed " + what + " '" + text + "': '" + text.substring(from, to)
                    + "' is not a non-negative integer (expected numbers joined by '" + SEPARATOR + "', e.g. " + example + ")");
        return v;
    }

    public int levels() { return codes.length; }
    public int code(int level) { return codes[level]; }
    public int[] toArray() { return codes.clone(); }

    /** The first {@code n} codes, 1 ≤ n ≤ levels. */
    public CodeTuple prefix(int n) {
        checkPrefix(n);
        return n == codes.length ? this : new CodeTuple(Arrays.copyOf(codes, n));
    }

    /** The text of {@code prefix(n)} without making the prefix (the index writes every prefix of every item). */
    public String text(int n) {
        checkPrefix(n);
        return text(codes, n);
    }

    private void checkPrefix(int n) {
        if (n < 1 || n > codes.length)
            throw new IllegalArgumentException("a prefix of " + this + " has 1.." + codes.length + " codes, not " + n);
    }

    /** Appends the text form to {@code sb}. */
    public StringBuilder appendTo(StringBuilder sb) { return appendText(sb, codes, codes.length); }

    /**
     * The key the stream partitions claims by: the UTF-8 bytes of the text form. Kafka's default
     * partitioner of a record keyed by it, murmur2(key) mod partitions, picks the tuple's claims
     * partition, so its owner alone hands out the tuple's dedup tokens.
     */
    public byte[] partitionKey() { return toString().getBytes(StandardCharsets.UTF_8); }

    @Override public String toString() { return text(codes, codes.length); }

    @Override public boolean equals(Object o) {
        return o instanceof CodeTuple t && t.hash == hash && Arrays.equals(t.codes, codes);
    }

    @Override public int hashCode() { return hash; }

    @Override public int compareTo(CodeTuple o) { return compare(codes, o.codes); }

    /** The text form of the first {@code length} codes of a row ("" for none). */
    public static String text(int[] codes, int length) {
        return appendText(new StringBuilder(4 * length), codes, length).toString();
    }

    /** The text form of a whole row. */
    public static String text(int[] codes) { return text(codes, codes.length); }

    /** Appends the text form of the first {@code length} codes of a row. */
    public static StringBuilder appendText(StringBuilder sb, int[] codes, int length) {
        for (int i = 0; i < length; i++) {
            if (i > 0) sb.append(SEPARATOR);
            sb.append(codes[i]);
        }
        return sb;
    }

    /**
     * The hash of the first {@code length} codes of a row, {@link #hashCode()} for a whole tuple:
     * the splitmix64 finaliser per code, so that even the low bits are well spread for the
     * open-addressing tables that group items by tuple (a polynomial hash of codes below 256
     * crowds a few buckets).
     */
    public static int hash(int[] codes, int length) {
        long h = 0x9E3779B97F4A7C15L * (length + 1);
        for (int k = 0; k < length; k++) {
            h += codes[k] & 0xFFFFFFFFL;
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    /** True if two rows agree on their first {@code length} codes. */
    public static boolean samePrefix(int[] a, int[] b, int length) {
        return Arrays.equals(a, 0, length, b, 0, length);
    }

    /** The order of tuples on rows: lexicographic by code, a prefix before its extensions. */
    public static int compare(int[] a, int[] b) { return Arrays.compare(a, b); }
}
