package dev.semid.parquet;

import org.apache.parquet.column.ColumnDescriptor;

/** A top-level column read as one text per row, from its one leaf column. */
interface RowText {
    String name();

    ColumnDescriptor leaf();

    /** The current row's text, or null for a null; moves to the next row. */
    String next(ColumnCursor c);
}
