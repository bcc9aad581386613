package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ItemIdOrderTest {
    private final ItemIdOrder order = ItemIdOrder.INSTANCE;

    @Test
    void numericIdsCompareByValue() {
        assertTrue(order.compare("9", "10") < 0);
        assertTrue(order.compare("10", "9") > 0);
        assertTrue(order.compare("2", "10") < 0);
        assertEquals(0, order.compare("42", "42"));
    }

    @Test
    void longDigitStringsDoNotOverflow() {
        String big = "123456789012345678901234567890";        // 30 digits, far past Long.MAX_VALUE
        assertTrue(order.compare("99999999999999999999", big) < 0);
        assertTrue(order.compare(big, "123456789012345678901234567891") < 0);
        assertTrue(order.compare("9223372036854775808", "9223372036854775807") > 0);
    }

    @Test
    void leadingZerosCompareByValueThenText() {
        assertTrue(order.compare("007", "8") < 0);
        assertTrue(order.compare("010", "9") > 0);
        // numerically equal: the text decides, so the order stays total
        assertTrue(order.compare("007", "7") < 0);
        assertTrue(order.compare("7", "007") > 0);
    }

    @Test
    void numericBeforeNonNumeric() {
        assertTrue(order.compare("999999", "a") < 0);
        assertTrue(order.compare("10", "1a") < 0);
        assertTrue(order.compare("-1", "5") > 0);       // a sign makes it text
        assertTrue(order.compare("", "0") > 0);         // empty is not numeric
        assertTrue(order.compare("\u0663", "3") > 0);   // ARABIC-INDIC DIGIT THREE is text
    }

    @Test
    void othersByUtf16CodeUnits() {
        assertTrue(order.compare("B", "a") < 0);
        assertTrue(order.compare("ab", "abc") < 0);
        // U+1F600 is the surrogate pair D83D DE00: as UTF-16 units it sorts before U+FF5E
        assertTrue(order.compare("\uD83D\uDE00", "\uFF5E") < 0);
    }

    @Test
    void sortsAMixedList() {
        List<String> ids = new ArrayList<>(List.of("b", "10", "9", "a", "010", "1", "B"));
        ids.sort(order);
        assertEquals(List.of("1", "9", "010", "10", "B", "a", "b"), ids);
    }

    @Test
    void isATotalOrder() {
        List<String> s = List.of("", "0", "00", "1", "01", "9", "10", "x", "X", "1x", "\uFF5E", "\uD83D\uDE00", "99999999999999999999");
        for (String a : s)
            for (String b : s) {
                assertEquals(Integer.signum(order.compare(a, b)), -Integer.signum(order.compare(b, a)), a + " vs " + b);
                assertEquals(a.equals(b), order.compare(a, b) == 0, a + " vs " + b);
                for (String c : s)
                    if (order.compare(a, b) < 0 && order.compare(b, c) < 0)
                        assertTrue(order.compare(a, c) < 0, a + " < " + b + " < " + c);
            }
    }

    @Test
    void rejectsNull() {
        assertThrows(NullPointerException.class, () -> order.compare(null, "1"));
    }
}
