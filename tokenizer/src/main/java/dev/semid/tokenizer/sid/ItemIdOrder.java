package dev.semid.tokenizer.sid;

import java.util.Comparator;
import java.util.Objects;

/**
 * The deterministic order of items inside a collision group (it decides who gets dedup token 0
 * and who keeps its code under re-assignment):
 * <ol>
 *   <li>ids made only of ASCII digits come first, ordered by numeric value ("9" &lt; "10"),
 *       compared digit by digit so ids of any length work without overflow;</li>
 *   <li>all other ids follow, ordered by {@link String#compareTo} (UTF-16 code units).</li>
 * </ol>
 * Numerically equal ids ("7", "07") fall back to {@code String.compareTo}, so the order stays
 * total and consistent with equals.
 */
public final class ItemIdOrder implements Comparator<String> {
    public static final ItemIdOrder INSTANCE = new ItemIdOrder();

    public ItemIdOrder() {}

    @Override
    public int compare(String a, String b) {
        Objects.requireNonNull(a, "item id");
        Objects.requireNonNull(b, "item id");
        boolean na = isNumeric(a), nb = isNumeric(b);
        if (na != nb) return na ? -1 : 1;
        if (na) {
            int c = compareDigits(a, b);
            if (c != 0) return c;
        }
        return a.compareTo(b);
    }

    /** Non-empty and only '0'..'9' (other Unicode digits count as text). */
    static boolean isNumeric(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return false;
        }
        return true;
    }

    /** Numeric comparison of two digit strings: more significant digits wins, then digit by digit. */
    private static int compareDigits(String a, String b) {
        int ia = firstSignificant(a), ib = firstSignificant(b);
        int la = a.length() - ia, lb = b.length() - ib;
        if (la != lb) return Integer.compare(la, lb);
        for (int k = 0; k < la; k++) {
            int c = Character.compare(a.charAt(ia + k), b.charAt(ib + k));
            if (c != 0) return c;
        }
        return 0;
    }

    private static int firstSignificant(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') i++;
        return i;
    }

    @Override public String toString() { return "ItemIdOrder(numeric first, then UTF-16)"; }
}
