package dev.semid.serving.stream;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class ItemDecoderTest {
    private final ItemDecoder decoder = new ItemDecoder(3, 1024);

    /** A value the way the consumer hands it over: a slice in the middle of a larger fetch buffer. */
    private static ByteBuffer slice(byte[] value) {
        ByteBuffer fetch = ByteBuffer.allocate(value.length + 20);
        fetch.position(7);
        fetch.put(value);
        return fetch.position(7).limit(7 + value.length).slice().position(0);
    }

    private static byte[] f32le(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) b.putFloat(x);
        return b.array();
    }

    @Test void binaryAndJsonValuesDecodeIntoTheirBatchRowsFromTheFetchBuffer() {
        float[] batch = new float[9];
        ByteBuffer bin = slice(f32le(1.5f, -2f, 3.25f));
        Item a = decoder.decode("a", bin, ItemDecoder.BINARY_CONTENT_TYPE, batch, 3);
        ByteBuffer json = slice("{\"id\": \"b\", \"embedding\": [4, 5, 6], \"title\": \"t\"}".getBytes(StandardCharsets.UTF_8));
        Item b = decoder.decode("b", json, null, batch, 6);
        assertArrayEquals(new float[] {0, 0, 0, 1.5f, -2f, 3.25f, 4, 5, 6}, batch);
        assertEquals("a", a.id());
        assertNull(a.embedding(), "the embedding is in the batch");
        assertEquals("b", b.id());
        assertEquals("{\"title\":\"t\"}", b.payload());
        assertEquals(0, bin.position(), "the record's buffer is left as it was (the dead-letter topic gets it whole)");
        assertEquals(12, bin.remaining());
    }

    @Test void withoutABatchTheItemCarriesItsEmbedding() {
        Item a = decoder.decode("a", f32le(1, 2, 3), ItemDecoder.BINARY_CONTENT_TYPE);
        assertArrayEquals(new float[] {1, 2, 3}, a.embedding());
    }

    @Test void badBinaryValuesAreNamed() {
        float[] batch = new float[3];
        BadItemException nan = assertThrows(BadItemException.class,
                () -> decoder.decode("a", slice(f32le(1, Float.NaN, 3)), ItemDecoder.BINARY_CONTENT_TYPE, batch, 0));
        assertTrue(nan.getMessage().contains("NaN") && nan.getMessage().contains("1"), nan.getMessage());
        BadItemException size = assertThrows(BadItemException.class,
                () -> decoder.decode("a", slice(f32le(1, 2)), ItemDecoder.BINARY_CONTENT_TYPE, batch, 0));
        assertTrue(size.getMessage().contains("8 bytes"), size.getMessage());
        assertThrows(BadItemException.class, () -> decoder.decode("a", ByteBuffer.allocate(0), ItemDecoder.BINARY_CONTENT_TYPE, batch, 0));
        assertThrows(BadItemException.class, () -> decoder.decode("a", (ByteBuffer) null, null, batch, 0));
    }
}
