package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import static dev.semid.tokenizer.io.TestFiles.fvecs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FvecsReaderTest {
    @TempDir Path dir;

    private static void assertMessage(InputException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message lacks the file: " + m);
        for (String p : parts) assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
    }

    private InputException fails(Path file) {
        return assertThrows(InputException.class, () -> FvecsReader.read(file));
    }

    @Test
    void roundTripsExactly() throws IOException {
        float[] all = TestFiles.values(15, 5);
        float[][] rows = {Arrays.copyOfRange(all, 0, 5), Arrays.copyOfRange(all, 5, 10), Arrays.copyOfRange(all, 10, 15)};
        Matrix m = FvecsReader.read(fvecs(dir.resolve("a.fvecs"), rows));
        assertEquals(3, m.rows());
        assertEquals(5, m.cols());
        assertArrayEquals(all, m.data());
    }

    /** Many vectors across several 1 MiB buffers; records straddle buffer boundaries. */
    @Test
    void multiBufferFileRoundTrips() throws IOException {
        int rows = 3001, cols = 129;
        float[] all = TestFiles.values(rows * cols, 6);
        float[][] data = new float[rows][];
        for (int r = 0; r < rows; r++) data[r] = Arrays.copyOfRange(all, r * cols, (r + 1) * cols);
        Matrix m = FvecsReader.read(fvecs(dir.resolve("big.fvecs"), data));
        assertEquals(rows, m.rows());
        assertArrayEquals(all, m.data());
    }

    @Test
    void raggedDimensionNamesVectorAndBothDims() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[4], new float[4], new float[3], new float[4]);
        InputException e = fails(f);
        assertMessage(e, f, "vector 2", "ragged", "dimension 3", "vector 0 has dimension 4");
    }

    @Test
    void raggedLastVectorIsRaggedNotTruncated() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[4], new float[4], new float[1]);
        assertMessage(fails(f), f, "vector 2", "ragged", "dimension 1");
    }

    @Test
    void raggedVectorThatKeepsTheFileSizeAlignedIsCaught() throws IOException {
        // 6 + 2 values: the total equals two records of 4, so only the per-vector check can see it.
        Path f = fvecs(dir.resolve("a.fvecs"), new float[4], new float[6], new float[2]);
        assertMessage(fails(f), f, "vector 1", "dimension 6");
    }

    @Test
    void truncatedVectorIsReported() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[4], new float[4], new float[4]);
        TestFiles.withSize(f, Files.size(f) - 6);
        assertMessage(fails(f), f, "vector 2", "truncated", "needs 20 bytes", "only 14");
    }

    @Test
    void truncatedInsideTheDimensionHeader() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[4], new float[4]);
        Files.write(f, new byte[]{4, 0}, StandardOpenOption.APPEND);
        assertMessage(fails(f), f, "vector 2", "truncated");
    }

    @Test
    void emptyFileIsRejected() throws IOException {
        Path f = Files.write(dir.resolve("a.fvecs"), new byte[0]);
        assertMessage(fails(f), f, "empty input");
    }

    @Test
    void tooShortForADimension() throws IOException {
        Path f = Files.write(dir.resolve("a.fvecs"), new byte[]{1, 0});
        assertMessage(fails(f), f, "vector 0", "truncated");
    }

    @Test
    void nonPositiveFirstDimensionIsRejected() throws IOException {
        Path f = Files.write(dir.resolve("a.fvecs"), new byte[]{0, 0, 0, 0, 1, 2, 3, 4});
        assertMessage(fails(f), f, "vector 0", "invalid dimension 0");
    }

    @Test
    void nanIsLocated() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[3], new float[]{0, 0, Float.NaN});
        assertMessage(fails(f), f, "vector 1", "row 1", "column 2", "NaN");
    }

    @Test
    void infinityIsLocated() throws IOException {
        Path f = fvecs(dir.resolve("a.fvecs"), new float[]{Float.POSITIVE_INFINITY, 0});
        assertMessage(fails(f), f, "vector 0", "column 0", "Infinity");
    }
}
