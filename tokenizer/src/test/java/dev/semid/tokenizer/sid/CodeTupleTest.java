package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class CodeTupleTest {
    @Test
    void formatAndParseRoundTrip() {
        for (String text : List.of("12-201-7", "0", "0-0", "255-255-255", "1-2-3-4-5-6-7-8", "999999999-0"))
            assertEquals(text, CodeTuple.parse(text).toString());
        CodeTuple t = CodeTuple.of(3, 0, 17);
        assertEquals("3-0-17", t.toString());
        assertEquals(t, CodeTuple.parse(t.toString()));
        assertEquals(3, t.levels());
        assertEquals(17, t.code(2));
        assertArrayEquals(new int[] {3, 0, 17}, t.toArray());
        assertEquals("x 3-0-17", t.appendTo(new StringBuilder("x ")).toString());
        assertEquals(CodeTuple.of(12, 7), CodeTuple.parse("012-07"), "leading zeros read as the same codes");
        assertEquals("12-7", CodeTuple.parse("012-07").toString());
    }

    @Test
    void rowFormsAgreeWithTheInstance() {
        int[] row = {12, 201, 7, 0};
        assertEquals("12-201-7-0", CodeTuple.text(row));
        assertEquals("12-201", CodeTuple.text(row, 2));
        assertEquals("", CodeTuple.text(row, 0), "the root of the prefix tree");
        assertEquals("[12-201-7]", CodeTuple.appendText(new StringBuilder("["), row, 3).append(']').toString());
        assertEquals(CodeTuple.of(12, 201, 7).hashCode(), CodeTuple.hash(row, 3));
        assertTrue(CodeTuple.samePrefix(row, new int[] {12, 201, 8}, 2));
        assertFalse(CodeTuple.samePrefix(row, new int[] {12, 201, 8}, 3));
    }

    @Test
    void malformedTextIsRejectedNamingTheTextAndTheReason() {
        for (String text : List.of("12--7", "12-a", "-1", "12-", "-", "1234567890", " 12", "12 ", "+1", "1.5",
                "12_201", "\u0661", "<a_12>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CodeTuple.parse(text), text);
            assertTrue(e.getMessage().startsWith("malformed code tuple '" + text + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("is not a non-negative integer"), e.getMessage());
        }
        assertEquals("malformed code tuple '12-a-7': 'a' is not a non-negative integer (expected numbers joined by '-', e.g. 12-201-7)",
                assertThrows(IllegalArgumentException.class, () -> CodeTuple.parse("12-a-7")).getMessage());
        assertEquals("empty code tuple", assertThrows(IllegalArgumentException.class, () -> CodeTuple.parse("")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CodeTuple.parse(null));
    }

    @Test
    void validatesAndCopies() {
        assertThrows(IllegalArgumentException.class, () -> CodeTuple.of());
        assertThrows(IllegalArgumentException.class, () -> CodeTuple.of(1, -1));
        int[] codes = {1, 2};
        CodeTuple t = CodeTuple.of(codes);
        codes[0] = 9;
        t.toArray()[1] = 9;
        assertEquals("1-2", t.toString());
    }

    @Test
    void equalityAndHash() {
        assertEquals(CodeTuple.of(1, 2, 3), CodeTuple.parse("1-2-3"));
        assertEquals(CodeTuple.of(1, 2, 3).hashCode(), CodeTuple.parse("1-2-3").hashCode());
        assertNotEquals(CodeTuple.of(1, 2, 3), CodeTuple.of(1, 2));
        assertNotEquals(CodeTuple.of(1, 2, 3), CodeTuple.of(3, 2, 1));
        assertNotEquals(CodeTuple.of(1, 2), "1-2");
        // spread even over small codes: grouping tables probe on the low bits
        Set<Integer> hashes = new HashSet<>(), lowBits = new HashSet<>();
        for (int a = 0; a < 256; a++)
            for (int b = 0; b < 256; b++) {
                int h = CodeTuple.of(a, b).hashCode();
                hashes.add(h);
                lowBits.add(h & 0xFFFF);
            }
        assertTrue(hashes.size() > 65_500, hashes.size() + " distinct hashes of 65536 tuples");
        assertTrue(lowBits.size() > 40_000, "low 16 bits take " + lowBits.size() + " values"); // random: 1 − 1/e of them
    }

    @Test
    void ordersLexicographicallyPrefixFirst() {
        List<CodeTuple> tuples = new ArrayList<>();
        for (String s : List.of("2-0", "1-10", "1-5-0", "1-5", "1-9", "0-255-255")) tuples.add(CodeTuple.parse(s));
        tuples.sort(null);
        assertEquals(List.of("0-255-255", "1-5", "1-5-0", "1-9", "1-10", "2-0"), tuples.stream().map(CodeTuple::toString).toList());
        assertEquals(0, CodeTuple.of(4, 4).compareTo(CodeTuple.of(4, 4)));
        assertTrue(CodeTuple.compare(new int[] {1, 5}, new int[] {1, 10}) < 0, "numeric, not text order");
    }

    @Test
    void prefixes() {
        CodeTuple t = CodeTuple.of(12, 201, 7);
        assertEquals(CodeTuple.of(12), t.prefix(1));
        assertEquals(CodeTuple.of(12, 201), t.prefix(2));
        assertSame(t, t.prefix(3));
        assertEquals("12-201", t.text(2));
        assertEquals(t.prefix(2).toString(), t.text(2));
        assertTrue(t.prefix(2).compareTo(t) < 0);
        for (int n : new int[] {0, 4, -1}) {
            assertThrows(IllegalArgumentException.class, () -> t.prefix(n));
            assertThrows(IllegalArgumentException.class, () -> t.text(n));
        }
    }

    @Test
    void partitionKeyIsTheTextInUtf8() {
        assertArrayEquals("12-201-7".getBytes(StandardCharsets.UTF_8), CodeTuple.of(12, 201, 7).partitionKey());
        assertArrayEquals(new byte[] {'0'}, CodeTuple.of(0).partitionKey());
    }
}
