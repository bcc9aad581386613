package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class EmbeddingWriterTest {
    @TempDir Path tmp;

    static EmbeddingSet sample() {
        Random r = new Random(5);
        float[] v = new float[4 * 7];
        for (int i = 0; i < v.length; i++) v[i] = (float) r.nextGaussian() * (i % 3 == 0 ? 1e-7f : 3f);
        v[3] = Float.MIN_VALUE;
        v[4] = -0f;
        return new EmbeddingSet(List.of("b7", "item \"two\"", "3", "ü"), new Matrix(4, 7, v));
    }

    @Test void npyWithIdsAndJsonLinesReadBackBitForBit() throws Exception {
        EmbeddingSet set = sample();
        Path npy = tmp.resolve("e.npy");
        assertEquals(List.of(npy, tmp.resolve("e.ids.txt")), EmbeddingWriter.write(npy, set));
        EmbeddingSet a = EmbeddingReader.read(npy, EmbeddingWriter.idsFile(npy), 0);
        Path jsonl = tmp.resolve("e.jsonl");
        EmbeddingWriter.write(jsonl, set);
        EmbeddingSet b = EmbeddingReader.read(jsonl, null, 0);
        for (EmbeddingSet back : List.of(a, b)) {
            assertEquals(set.ids(), back.ids());
            for (int i = 0; i < set.vectors().data().length; i++)
                assertEquals(Float.floatToRawIntBits(set.vectors().data()[i]), Float.floatToRawIntBits(back.vectors().data()[i]), "value " + i);
        }
    }

    @Test void anIdWithALineBreakCannotGoToAnIdsFileAndNothingIsWritten() {
        EmbeddingSet set = new EmbeddingSet(List.of("a", "b\nc"), new Matrix(2, 1, new float[] {1, 2}));
        Path npy = tmp.resolve("x.npy");
        InputException e = assertThrows(InputException.class, () -> EmbeddingWriter.write(npy, set));
        assertTrue(e.getMessage().contains("line break"), e.getMessage());
        assertFalse(Files.exists(npy) || Files.exists(EmbeddingWriter.idsFile(npy)));
        assertThrows(InputException.class, () -> EmbeddingWriter.write(tmp.resolve("x.csv"), set));
    }
}
