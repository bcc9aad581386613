package dev.semid.serving.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.sid.CodeTuple;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The records the service writes, read back. */
class CodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test void claimsRoundTripInOrderWithEveryField() {
        List<Claim> in = List.of(new Claim("17", CodeTuple.of(12, 201, 7), null, false, 1_732_000_000_123L, new float[] {0.5f, -1e-7f, Float.MAX_VALUE}, 0),
                new Claim("ü \"quoted\"\n", CodeTuple.of(0, 65_535, 3), "{\"title\":\"Crème\"}", true, 0, new float[] {1}, 300),
                new Claim("x", CodeTuple.of(1), "{}", false, -1, null, 2));
        List<Claim> out = Codec.claims(Codec.claims(in));
        assertEquals(in.size(), out.size());
        for (int i = 0; i < in.size(); i++) {
            assertEquals(in.get(i).id(), out.get(i).id());
            assertEquals(in.get(i).tuple(), out.get(i).tuple());
            assertEquals(in.get(i).payload(), out.get(i).payload());
            assertEquals(in.get(i).retokenize(), out.get(i).retokenize());
            assertEquals(in.get(i).sourceTimestamp(), out.get(i).sourceTimestamp());
            assertArrayEquals(in.get(i).latent(), out.get(i).latent());
            assertEquals(in.get(i).rank(), out.get(i).rank());
            assertTrue(Codec.claimBytes(in.get(i)) >= Codec.claims(List.of(in.get(i))).length - 5, "size estimate");
        }
        assertTrue(Codec.claims(Codec.claims(List.of())).isEmpty());
    }

    @Test void claimsOfTheFirstVersionAreStillReadAsClaimsThatCannotSpill() {
        // version 1, one claim: id "7", levels 2, codes 3 and 4, timestamp 9, flags 1 (retokenize), no rank, payload or latent
        byte[] v1 = {1, 0, 0, 0, 1, 0, 1, '7', 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 9, 1};
        Claim c = Codec.claims(v1).getFirst();
        assertEquals(new Claim("7", CodeTuple.of(3, 4), null, true, 9, null, 0).toString(), c.toString());
    }

    @Test void aDamagedClaimsRecordIsRefusedWithTheReason() {
        byte[] ok = Codec.claims(List.of(new Claim("17", CodeTuple.of(1, 2, 3), "{\"a\":1}", false, 5, new float[] {1, 2}, 0)));
        var truncated = assertThrows(IllegalArgumentException.class, () -> Codec.claims(Arrays.copyOf(ok, ok.length - 3)));
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());
        byte[] version = ok.clone();
        version[0] = 9;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Codec.claims(version)).getMessage().contains("version 9"));
        byte[] longer = Arrays.copyOf(ok, ok.length + 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Codec.claims(longer)).getMessage().contains("after the last claim"));
        assertThrows(IllegalArgumentException.class, () -> Codec.claims("{\"id\":\"17\"}".getBytes()), "a JSON claim is not a claims record");
    }

    @Test void outputIsJsonThatReadsBack() throws Exception {
        SemanticId sid = SemanticId.parse("12-201-7-3");
        String id = "a\"b\\c\nd\u0001é";
        byte[] v = Codec.output(id, sid, "3f2a", "{\"title\":\"x\",\"n\":[1,2]}", null);
        JsonNode n = JSON.readTree(v);
        assertEquals(id, n.get("id").asText());
        assertEquals("12-201-7-3", n.get("sid").asText());
        assertEquals("[12,201,7,3]", n.get("codes").toString());
        assertEquals("3f2a", n.get("model").asText());
        assertEquals("x", n.get("payload").get("title").asText());
        Codec.Output o = Codec.output(v);
        assertEquals(new Codec.Output(id, sid, "3f2a", "{\"title\":\"x\",\"n\":[1,2]}"), o);
        JsonNode plain = JSON.readTree(Codec.output("1", sid, "m", null, null));
        assertNull(plain.get("payload"));
        assertNull(plain.get("spilled"), "an item in its own tuple: no mark");
        JsonNode spilled = JSON.readTree(Codec.output("1", sid, "m", "{}", CodeTuple.of(12, 201, 6)));
        assertTrue(spilled.get("spilled").asBoolean());
        assertEquals("12-201-6", spilled.get("tuple").asText(), "the tuple the quantizer chose");
        assertEquals(sid, Codec.output(Codec.output("1", sid, "m", "{}", CodeTuple.of(12, 201, 6))).sid());
    }

    @Test void aDeadLetterClaimIsReadableJson() throws Exception {
        JsonNode n = JSON.readTree(Codec.claimJson(new Claim("q\"", CodeTuple.of(4, 5, 6), "{\"k\":true}", true, 42, null, 0)));
        assertEquals("q\"", n.get("id").asText());
        assertEquals("[4,5,6]", n.get("codes").toString());
        assertEquals(42, n.get("ts").asLong());
        assertTrue(n.get("retokenize").asBoolean());
        assertTrue(n.get("payload").get("k").asBoolean());
    }
}
