package dev.semid.tokenizer.io;

import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.sid.CollisionStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TokenSidReaderTest {
    @Test void readsTokensInRowOrder(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("ids.json");
        Files.writeString(f, "{\"0\": [\"<a_1>\", \"<b_2>\"], \"1\": [\"<a_3>\", \"<b_40>\"]}");
        assertArrayEquals(new int[][] {{1, 2}, {3, 40}}, TokenSidReader.read(f));
    }

    @Test void badTokensAreNamed(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("ids.json");
        Files.writeString(f, "{\"0\": [\"<a_1>\", \"<c_2>\"]}");
        var e = assertThrows(InputException.class, () -> TokenSidReader.read(f));
        assertTrue(e.getMessage().contains("key '0'") && e.getMessage().contains("<c_2>"), e.getMessage());
        Files.writeString(f, "{\"1\": [\"<a_1>\"]}");
        e = assertThrows(InputException.class, () -> TokenSidReader.read(f));
        assertTrue(e.getMessage().contains("expected key 0"), e.getMessage());
    }

    /** The published distinct counts in the data README. */
    @Test void referenceSidsMatchTheirPublishedCounts() {
        int[][] letter = TokenSidReader.read(TestData.beauty("reference-sids/letter.index.json"));
        assertEquals(12101, letter.length);
        assertEquals(12088, CollisionStats.of(letter).distinctIds());
        assertEquals(11696, CollisionStats.of(letter, 3).distinctIds());
        int[][] rqvae = TokenSidReader.read(TestData.beauty("reference-sids/rqvae_native.index.json"));
        assertEquals(10600, CollisionStats.of(rqvae, 3).distinctIds());
    }
}
