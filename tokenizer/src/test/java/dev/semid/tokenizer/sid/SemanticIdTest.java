package dev.semid.tokenizer.sid;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SemanticIdTest {
    @Test
    void parsesTheCanonicalForm() {
        SemanticId id = SemanticId.parse("12-201-7-0");
        assertEquals(3, id.levels());
        assertArrayEquals(new int[] {12, 201, 7}, id.codes());
        assertEquals(0, id.dedup());
        assertEquals(201, id.code(1));
        assertArrayEquals(new int[] {12, 201, 7, 0}, id.withDedup());
        assertEquals(CodeTuple.of(12, 201, 7), id.tuple());
        assertEquals("<a_12><b_201><c_7><d_0>", id.tokens());
    }

    @Test
    void formatAndParseRoundTrip() {
        for (String text : List.of("12-201-7-0", "0-0", "255-255-255-3", "1-2-3-4-5-6-7-8", "999999999-0"))
            assertEquals(text, SemanticId.parse(text).toString());
        SemanticId id = new SemanticId(new int[] {3, 0, 17}, 2);
        assertEquals("3-0-17-2", id.toString());
        assertEquals(id, SemanticId.parse(id.toString()));
        assertEquals(id.hashCode(), SemanticId.parse(id.toString()).hashCode());
        StringBuilder sb = new StringBuilder("id ");
        assertEquals("id 3-0-17-2", id.appendTo(sb).toString());
    }

    @Test
    void leadingZerosParseToTheSameId() {
        assertEquals(SemanticId.parse("12-7-0"), SemanticId.parse("012-07-00"));
        assertEquals("12-7-0", SemanticId.parse("012-07-00").toString());
    }

    @Test
    void malformedTextIsRejectedNamingIt() {
        for (String text : List.of("12", "12--7-0", "12-a-0", "-1-0", "12-0-", "1234567890-0", " 12-0", "12-0 ",
                "+1-0", "1.5-0", "12_201_0", "\u0661-0", "<a_12><b_0>")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SemanticId.parse(text), text);
            assertTrue(e.getMessage().contains(text), "message should name '" + text + "': " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> SemanticId.parse(""));
        assertThrows(IllegalArgumentException.class, () -> SemanticId.parse(null));
    }

    @Test
    void constructorValidates() {
        assertThrows(IllegalArgumentException.class, () -> new SemanticId(new int[0], 0));
        assertThrows(IllegalArgumentException.class, () -> new SemanticId(new int[] {1, -1}, 0));
        assertThrows(IllegalArgumentException.class, () -> new SemanticId(new int[] {1}, -1));
    }

    @Test
    void isAValueAndDefensivelyCopies() {
        int[] codes = {1, 2};
        SemanticId id = new SemanticId(codes, 0);
        codes[0] = 9;
        id.codes()[1] = 9;
        assertEquals("1-2-0", id.toString());
        assertNotEquals(SemanticId.parse("1-2-0"), SemanticId.parse("1-2-1"));
        assertNotEquals(SemanticId.parse("1-2-0"), SemanticId.parse("1-2-0-0"));
    }

    @Test
    void ordersByCodesThenToken() {
        List<SemanticId> ids = new ArrayList<>(List.of(SemanticId.parse("2-0-0"), SemanticId.parse("1-5-1"),
                SemanticId.parse("1-5-0"), SemanticId.parse("1-10-0")));
        ids.sort(null);
        assertEquals(List.of("1-5-0", "1-5-1", "1-10-0", "2-0-0"), ids.stream().map(SemanticId::toString).toList());
    }

    @Test
    void isACodeTupleAndAToken() {
        SemanticId id = SemanticId.parse("12-201-7-3");
        assertEquals(CodeTuple.of(12, 201, 7), id.tuple());
        assertEquals(id, new SemanticId(CodeTuple.parse("12-201-7"), 3));
        assertEquals(id.tuple() + "-3", id.toString());
        assertTrue(new SemanticId(CodeTuple.of(1, 5), 9).compareTo(new SemanticId(CodeTuple.of(1, 10), 0)) < 0, "tuple first, then token");
    }
}
