package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.SidReader;
import org.apache.parquet.ParquetRuntimeException;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads the {@code id} and {@code sid} columns of a semantic-ID file (what
 * {@link ParquetSidWriter} writes; {@code codes} repeats the ID and is not read) row group by row
 * group into a {@link SidReader.RowSink}, which validates them as it does for every format.
 */
public final class ParquetSidReader {
    private ParquetSidReader() {}

    public static void read(Path file, SidReader.RowSink rows) {
        try (ParquetInput in = ParquetInput.open(file)) {
            TextColumn ids = TextColumn.of(in, in.column(List.of("id"), "id"), "id");
            TextColumn sids = TextColumn.of(in, in.column(List.of("sid"), "sid"), "sid");
            in.project(ids.descriptor, sids.descriptor);
            long r = 0;
            for (ParquetInput.RowGroup g; (g = in.nextRowGroup(r)) != null; ) {
                ColumnCursor idCursor = new ColumnCursor(g.columns().getColumnReader(ids.descriptor));
                ColumnCursor sidCursor = new ColumnCursor(g.columns().getColumnReader(sids.descriptor));
                try {
                    for (long end = r + g.rows(); r < end; r++) {
                        String id = ids.next(idCursor), sid = sids.next(sidCursor);
                        if (id == null) throw new InputException(in.src(), "row " + r, "column 'id' is null");
                        if (sid == null) throw new InputException(in.src(), "row " + r + " (id '" + id + "')", "column 'sid' is null");
                        rows.add("row " + r, id, sid);
                    }
                } catch (ParquetRuntimeException e) {
                    throw in.corrupt(r, e);
                }
            }
        }
    }
}
