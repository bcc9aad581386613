package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.io.EmbeddingWriter;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.io.SidWriter;
import dev.semid.tokenizer.io.SyntheticIds;
import dev.semid.tokenizer.sid.SemanticId;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static dev.semid.parquet.HandWrittenParquet.row;
import static org.junit.jupiter.api.Assertions.*;

/** What this module writes reads back equal, has the documented layout, and is never left half-written. */
class ParquetRoundTripTest {
    @TempDir Path tmp;

    private static EmbeddingSet randomSet(int n, int dim, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix m = Matrix.zeros(n, dim);
        List<String> ids = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            ids.add("B" + Long.toHexString(rnd.nextLong()));
            for (int j = 0; j < dim; j++) m.set(r, j, (float) rnd.nextGaussian());
        }
        return new EmbeddingSet(ids, m);
    }

    @Test void embeddingsReadBackEqualAcrossRowGroups() throws IOException {
        EmbeddingSet set = randomSet(5000, 32, 1);
        Path small = tmp.resolve("small-groups.parquet");
        ParquetEmbeddingWriter.write(small, set, 64 << 10);
        assertTrue(HandWrittenParquet.rowGroups(small) >= 5, "written in row groups: " + HandWrittenParquet.rowGroups(small));
        EmbeddingSet back = EmbeddingReader.read(small, null, 0);
        assertEquals(set.ids(), back.ids());
        assertArrayEquals(set.vectors().data(), back.vectors().data());

        Path viaService = tmp.resolve("default.parquet");
        EmbeddingWriter.write(viaService, set);
        assertArrayEquals(set.vectors().data(), EmbeddingReader.read(viaService, null, 0).vectors().data());
        assertEquals(ParquetEmbeddingWriter.SCHEMA, HandWrittenParquet.schema(viaService));
        assertTrue(HandWrittenParquet.schema(viaService).toString().contains("required group embedding (LIST)"));
    }

    @Test void sidsReadBackEqualWithCodesAsAListOfInts() throws IOException {
        SidReader.Rows rows = SyntheticIds.generate(20_000, 3, 16, 5); // 4,096 tuples: many dedup tokens above 0
        Path f = tmp.resolve("ids.parquet");
        ParquetSidWriter.write(f, rows.ids(), rows.sids(), 128 << 10);
        assertTrue(HandWrittenParquet.rowGroups(f) > 1, "written in row groups");
        SidReader.Rows back = SidReader.read(f);
        assertEquals(rows.ids(), back.ids());
        assertEquals(rows.sids(), back.sids());

        List<Group> groups = HandWrittenParquet.read(f); // parquet-java's own reader, not ours
        for (int r : new int[] {0, 777, 19_999}) {
            Group g = groups.get(r);
            SemanticId sid = rows.sids().get(r);
            assertEquals(rows.ids().get(r), g.getString("id", 0));
            assertEquals(sid.toString(), g.getString("sid", 0));
            Group codes = g.getGroup("codes", 0);
            int[] read = new int[codes.getFieldRepetitionCount("list")];
            for (int i = 0; i < read.length; i++) read[i] = codes.getGroup("list", i).getInteger("element", 0);
            assertArrayEquals(sid.withDedup(), read);
        }
        assertTrue(HandWrittenParquet.schema(f).toString().contains("required group codes (LIST)"));
    }

    @Test void theSameIdsGiveTheSameBytes() throws IOException {
        SidReader.Rows rows = SyntheticIds.generate(3000, 4, 256, 9);
        Path a = tmp.resolve("a.parquet"), b = tmp.resolve("b.parquet");
        SidWriter.write(a, rows.ids(), rows.sids());
        SidWriter.write(b, rows.ids(), rows.sids());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test void badSidFilesAreLocated() throws IOException {
        Path dup = tmp.resolve("dup.parquet");
        ParquetSidWriter.write(dup, List.of("a", "b", "a"), List.of(SemanticId.parse("1-2-0"), SemanticId.parse("1-3-0"), SemanticId.parse("1-4-0")));
        InputException e = assertThrows(InputException.class, () -> SidReader.read(dup));
        assertTrue(e.getMessage().contains("row 2 (id 'a')") && e.getMessage().contains("item id also on row 0"), e.getMessage());

        String optional = "message m { optional binary id (STRING); optional binary sid (STRING); }";
        Path nullSid = HandWrittenParquet.write(tmp.resolve("null.parquet"), optional, List.of(row("a", "1-2-0"), row("b", null)));
        e = assertThrows(InputException.class, () -> SidReader.read(nullSid));
        assertTrue(e.getMessage().contains("row 1 (id 'b')") && e.getMessage().contains("column 'sid' is null"), e.getMessage());

        Path noSid = HandWrittenParquet.write(tmp.resolve("nosid.parquet"), "message m { optional binary id (STRING); optional binary code (STRING); }",
                List.of(row("a", "1-2-0")));
        e = assertThrows(InputException.class, () -> SidReader.read(noSid));
        assertTrue(e.getMessage().contains("no sid column") && e.getMessage().contains("found 'id', 'code'"), e.getMessage());
    }

    @Test void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        SidReader.Rows rows = SyntheticIds.generate(50_000, 3, 64, 2);
        Path f = tmp.resolve("out.parquet");
        SidWriter.write(f, rows.ids().subList(0, 10), rows.sids().subList(0, 10));
        byte[] before = Files.readAllBytes(f);
        List<String> ids = new ArrayList<>(rows.ids());
        ids.set(40_000, null); // fails after several row groups were flushed to the temporary file
        assertThrows(IllegalArgumentException.class, () -> ParquetSidWriter.write(f, ids, rows.sids(), 64 << 10));
        assertArrayEquals(before, Files.readAllBytes(f));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(f), files.toList(), "no temporary left");
        }
        Path fresh = tmp.resolve("never.parquet");
        assertThrows(IllegalArgumentException.class, () -> ParquetSidWriter.write(fresh, ids, rows.sids(), 64 << 10));
        assertFalse(Files.exists(fresh));
    }

    @Test void unknownExtensionsStillListParquet() {
        InputException e = assertThrows(InputException.class, () -> SidWriter.write(tmp.resolve("x.avro"), List.of(), List.of()));
        assertTrue(e.getMessage().contains(".parquet"), e.getMessage());
        e = assertThrows(InputException.class, () -> EmbeddingWriter.write(tmp.resolve("x.avro"), randomSet(1, 1, 1)));
        assertTrue(e.getMessage().contains(".npy, .jsonl, .parquet"), e.getMessage());
        assertTrue(Arrays.asList(EmbeddingReader.extensions().toArray()).contains(".parquet"));
    }
}
