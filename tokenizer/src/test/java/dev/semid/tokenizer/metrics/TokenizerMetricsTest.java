package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.sid.CollisionStats;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TokenizerMetricsTest {
    private static final int[][] CODES = {{0, 1}, {0, 1}, {1, 2}, {3, 1}};
    private static final List<SemanticId> IDS = new SemanticIdAssigner().assign(List.of("a", "b", "c", "d"), CODES).ids();

    @Test
    void computesEverything() {
        Matrix z = Matrix.of(new float[][] {{1, 2}, {3, 4}, {5, 0}});
        Matrix x = Matrix.of(new float[][] {{1, 2}, {3, 4}});
        TokenizerMetrics m = TokenizerMetrics.of(CODES, 4, IDS, z, z, x, Matrix.zeros(2, 2));
        assertEquals(2, m.levels().size());
        assertEquals(0.75, m.levels().get(0).utilisation());
        assertEquals(new CollisionStats(4, 3, 0.25, 2, 2), m.beforeDedup());
        assertEquals(new CollisionStats(4, 4, 0.0, 0, 1), m.afterDedup());
        assertEquals(0.0, m.relativeQuantizationError());
        assertEquals(7.5, m.reconstructionMse(), 1e-12);
        assertEquals(30.0 / 4.0, m.inputRelativeError(), 1e-12); // Σ||x − 0||² over Σ||x − (2, 3)||²
        assertEquals(1, m.maxDedupToken());
    }

    @Test
    void optionalPartsAreNull() {
        TokenizerMetrics m = TokenizerMetrics.of(CODES, 4, IDS);
        assertNull(m.relativeQuantizationError());
        assertNull(m.reconstructionMse());
        assertNull(m.inputRelativeError());
        String s = m.summary();
        assertTrue(s.contains("75.0%"), s);                       // level 1 utilisation
        assertTrue(s.contains("3 / 4 items"), s);                 // distinct before dedup
        assertTrue(s.contains("collision rate 25.00%"), s);
        assertTrue(s.contains("largest group 2"), s);
        assertTrue(s.contains("rel. quantization error: n/a"), s);
        assertTrue(s.contains("recon MSE: n/a (no reconstruction)\n"), s);
        assertTrue(s.endsWith("\n"), s);
    }

    @Test
    void jsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (TokenizerMetrics m : List.of(TokenizerMetrics.of(CODES, 4, IDS),
                TokenizerMetrics.of(CODES, 4, IDS, null, null, Matrix.of(new float[][] {{0, 0}, {1, 1}}),
                        Matrix.of(new float[][] {{0.5f, 0}, {1, 1}})))) {
            String text = json.writeValueAsString(m);
            assertFalse(text.contains("summary"), text);
            assertEquals(m, json.readValue(text, TokenizerMetrics.class));
        }
    }

    @Test
    void rejectsMisalignedIds() {
        assertThrows(IllegalArgumentException.class, () -> TokenizerMetrics.of(CODES, 4, IDS.subList(0, 2)));
    }
}
