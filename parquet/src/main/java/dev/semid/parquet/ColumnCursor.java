package dev.semid.parquet;

import org.apache.parquet.column.ColumnReader;

/**
 * Walks the entries of one column chunk; an entry is a value or a null, with its levels. Past the
 * last entry the repetition level reads 0, so a row ends there as it does before the next row.
 */
final class ColumnCursor {
    final ColumnReader reader;

    ColumnCursor(ColumnReader reader) { this.reader = reader; }

    int definition() { return reader.getCurrentDefinitionLevel(); }

    /** 0 where a new row starts. */
    int repetition() { return reader.getCurrentRepetitionLevel(); }

    void next() { reader.consume(); }
}
