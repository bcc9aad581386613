package dev.semid.tokenizer.io;

import dev.semid.tokenizer.data.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static dev.semid.tokenizer.io.TestFiles.dict;
import static dev.semid.tokenizer.io.TestFiles.f4;
import static dev.semid.tokenizer.io.TestFiles.f8;
import static dev.semid.tokenizer.io.TestFiles.npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyReaderTest {
    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN, BE = ByteOrder.BIG_ENDIAN;

    @TempDir Path dir;

    private static void assertMessage(InputException e, Path file, String... parts) {
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), () -> "message lacks the file: " + m);
        for (String p : parts) assertTrue(m.contains(p), () -> "message lacks '" + p + "': " + m);
    }

    private InputException fails(Path file) {
        return assertThrows(InputException.class, () -> NpyReader.read(file));
    }

    // ---- round trips ----

    @Test
    void float32LittleEndianRoundTripsExactly() throws IOException {
        float[] v = TestFiles.values(12, 1);
        Matrix m = NpyReader.read(npy(dir.resolve("a.npy"), "<f4", 3, 4, f4(LE, v)));
        assertEquals(3, m.rows());
        assertEquals(4, m.cols());
        assertArrayEquals(v, m.data());
    }

    @Test
    void float32BigEndianRoundTripsExactly() throws IOException {
        float[] v = TestFiles.values(12, 2);
        Matrix m = NpyReader.read(npy(dir.resolve("a.npy"), ">f4", 4, 3, f4(BE, v)));
        assertEquals(4, m.rows());
        assertArrayEquals(v, m.data());
    }

    @Test
    void float64LittleEndianIsNarrowedToFloat32() throws IOException {
        float[] v = TestFiles.values(10, 3);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        Matrix m = NpyReader.read(npy(dir.resolve("a.npy"), "<f8", 2, 5, f8(LE, d)));
        assertArrayEquals(v, m.data());
    }

    @Test
    void float64BigEndianIsNarrowedToFloat32() throws IOException {
        double[] d = {0.1, -1e-300, 1.0 / 3, 123456.789, 1e38, -2.5};
        Matrix m = NpyReader.read(npy(dir.resolve("a.npy"), ">f8", 3, 2, f8(BE, d)));
        for (int i = 0; i < d.length; i++) assertEquals((float) d[i], m.data()[i]);
    }

    @Test
    void version2And3HeadersAreRead() throws IOException {
        float[] v = {1, 2, 3, 4, 5, 6};
        Matrix m2 = NpyReader.read(npy(dir.resolve("v2.npy"), 2, dict("<f4", false, "(2, 3)"), f4(LE, v)));
        assertArrayEquals(v, m2.data());
        Matrix m3 = NpyReader.read(npy(dir.resolve("v3.npy"), 3, dict("<f4", false, "(3, 2)"), f4(LE, v)));
        assertEquals(3, m3.rows());
        assertArrayEquals(v, m3.data());
    }

    @Test
    void headerVariantsNumPyMayWriteAreAccepted() throws IOException {
        // Key order, double quotes, Python 2 long suffix, no trailing comma.
        String d = "{\"shape\": (2L, 2L), \"fortran_order\": False, \"descr\": \"<f4\"}";
        Matrix m = NpyReader.read(npy(dir.resolve("a.npy"), 1, d, f4(LE, 1, 2, 3, 4)));
        assertArrayEquals(new float[]{1, 2, 3, 4}, m.data());
    }

    /** Larger than the 1 MiB read buffer, with rows straddling buffer boundaries. */
    @ParameterizedTest
    @ValueSource(strings = {"<f4", ">f8"})
    void multiBufferFilesStreamCorrectly(String dtype) throws IOException {
        int rows = 1037, cols = 301;
        float[] v = TestFiles.values(rows * cols, 4);
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        byte[] data = dtype.equals("<f4") ? f4(LE, v) : f8(BE, d);
        Matrix m = NpyReader.read(npy(dir.resolve("big.npy"), dtype, rows, cols, data));
        assertArrayEquals(v, m.data());
    }

    @Test
    void nanDeepInAMultiBufferFileIsLocated() throws IOException {
        int rows = 2000, cols = 300;
        float[] v = new float[rows * cols];
        v[1234 * cols + 17] = Float.NaN;
        Path f = npy(dir.resolve("big.npy"), "<f4", rows, cols, f4(LE, v));
        assertMessage(fails(f), f, "row 1234, column 17", "NaN");
    }

    // ---- bad input ----

    @Test
    void badMagicIsRejected() throws IOException {
        Path f = Files.writeString(dir.resolve("x.npy"), "this is not numpy data at all, just text");
        assertMessage(fails(f), f, "byte 0", "not a NumPy .npy file");
    }

    @Test
    void tinyFileIsRejectedAsNotNpy() throws IOException {
        Path f = Files.write(dir.resolve("x.npy"), new byte[]{(byte) 0x93, 'N'});
        assertMessage(fails(f), f, "not a NumPy .npy file");
    }

    @Test
    void unsupportedVersionIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, dict("<f4", false, "(1, 1)"), f4(LE, 1));
        byte[] b = Files.readAllBytes(f);
        b[6] = 4;
        Files.write(f, b);
        assertMessage(fails(f), f, "version 4.0", "1.0, 2.0, 3.0");
    }

    @Test
    void unsupportedDtypeNamesItAndTheSupportedOnes() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<i4", 1, 2, new byte[8]);
        assertMessage(fails(f), f, "header", "unsupported dtype '<i4'", "<f4, >f4, <f8, >f8");
    }

    @Test
    void float16IsUnsupported() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f2", 1, 2, new byte[4]);
        assertMessage(fails(f), f, "'<f2'", "supported dtypes");
    }

    @Test
    void structuredDtypeIsUnsupported() throws IOException {
        String d = "{'descr': [('a', '<f4'), ('b', '<f4')], 'fortran_order': False, 'shape': (1, 1), }";
        Path f = npy(dir.resolve("a.npy"), 1, d, new byte[8]);
        assertMessage(fails(f), f, "unsupported dtype", "structured");
    }

    @Test
    void fortranOrderIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, dict("<f4", true, "(2, 2)"), f4(LE, 1, 2, 3, 4));
        assertMessage(fails(f), f, "header", "fortran_order");
    }

    @Test
    void oneDimensionalShapeIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, dict("<f4", false, "(4,)"), f4(LE, 1, 2, 3, 4));
        assertMessage(fails(f), f, "(4,)", "1-D", "expected a 2-D array");
    }

    @Test
    void threeDimensionalShapeIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, dict("<f4", false, "(1, 2, 2)"), f4(LE, 1, 2, 3, 4));
        assertMessage(fails(f), f, "(1, 2, 2)", "3-D");
    }

    @Test
    void zeroRowsIsEmptyInput() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 0, 384, new byte[0]);
        assertMessage(fails(f), f, "empty input", "no rows");
    }

    @Test
    void zeroColumnsIsEmptyInput() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 5, 0, new byte[0]);
        assertMessage(fails(f), f, "empty input", "no columns");
    }

    @Test
    void malformedHeaderIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, "{'descr': '<f4', 'shape': (1, 1)", f4(LE, 1));
        assertMessage(fails(f), f, "header", "malformed");
    }

    @Test
    void headerWithoutShapeIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), 1, "{'descr': '<f4', 'fortran_order': False}", f4(LE, 1));
        assertMessage(fails(f), f, "'shape'");
    }

    @Test
    void truncatedDataSaysExpectedAndPresentBytesAndTheRow() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 4, 3, f4(LE, new float[12]));
        TestFiles.withSize(f, Files.size(f) - 10); // row 3 loses 10 of its 12 bytes
        InputException e = fails(f);
        assertMessage(e, f, "row 3", "truncated", "expected 48 data bytes", "but 38 are present");
    }

    @Test
    void headerCutShortIsTruncation() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 1, 1, f4(LE, 1));
        TestFiles.withSize(f, 30);
        assertMessage(fails(f), f, "header", "truncated");
    }

    @Test
    void trailingGarbageIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 2, 2, f4(LE, 1, 2, 3, 4));
        Files.write(f, new byte[]{1, 2, 3}, StandardOpenOption.APPEND);
        assertMessage(fails(f), f, "3 bytes of trailing data", "byte 144", "found 147");
    }

    @Test
    void nanNamesRowAndColumn() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 3, 4, f4(LE, 0, 0, 0, 0, 0, 0, Float.NaN, 0, 0, 0, 0, 0));
        InputException e = fails(f);
        assertMessage(e, f, "row 1, column 2", "NaN");
        assertEquals("row 1, column 2", e.location());
    }

    @Test
    void nanMessageNamesTheItemWhenTheCallerKnowsIds() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 2, 2, f4(LE, 0, 0, 0, Float.NaN));
        InputException e = assertThrows(InputException.class, () -> NpyReader.read(f, r -> "item-" + r));
        assertMessage(e, f, "row 1 (id 'item-1'), column 1");
    }

    @Test
    void infinityNamesRowAndColumn() throws IOException {
        Path f = npy(dir.resolve("a.npy"), ">f4", 2, 2, f4(BE, 0, Float.NEGATIVE_INFINITY, 0, 0));
        assertMessage(fails(f), f, "row 0, column 1", "-Infinity");
    }

    @Test
    void float64InfinityIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f8", 2, 2, f8(LE, 0, 0, Double.POSITIVE_INFINITY, 0));
        assertMessage(fails(f), f, "row 1, column 0", "Infinity");
    }

    @Test
    void float64BeyondFloat32RangeIsRejected() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f8", 1, 3, f8(LE, 0, 0, 1e300));
        assertMessage(fails(f), f, "row 0, column 2", "float32 range");
    }

    @Test
    void tooLargeForOneArrayIsRejectedBeforeAllocating() throws IOException {
        Path f = npy(dir.resolve("a.npy"), "<f4", 100_000, 100_000, f4(LE, 1));
        assertMessage(fails(f), f, "too large", "100000 x 100000");
    }

    @Test
    void missingFileIsAClearError() {
        Path f = dir.resolve("nope.npy");
        assertMessage(fails(f), f, "file not found");
    }

    // ---- the shared Amazon Beauty embeddings ----

    @Test
    void readsTheRealBeautyEmbeddings() {
        Path f = dev.semid.tokenizer.TestData.beauty("embeddings-minilm-384.npy");
        Matrix m = NpyReader.read(f);
        assertEquals(12101, m.rows());
        assertEquals(384, m.cols());
        double norm = 0;
        for (float x : m.row(0)) norm += (double) x * x;
        assertEquals(1.0, Math.sqrt(norm), 1e-4);
    }
}
