package dev.semid.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.Type;

/**
 * A top-level list column ({@link ListLayout}) of values with a text form ({@link ScalarText}),
 * read as its elements' texts joined with ", ", null and empty elements left out: as the JSON
 * Lines reader joins an array.
 */
final class TextListColumn implements RowText {
    private final String name;
    private final ListLayout list;
    private final ScalarText text;
    private final StringBuilder row = new StringBuilder();

    private TextListColumn(String name, ListLayout list, ScalarText text) {
        this.name = name;
        this.list = list;
        this.text = text;
    }

    /** The column as text, or null when it is not a list or its elements have no text form. */
    static TextListColumn of(ParquetInput in, Type column) {
        ListLayout list = ListLayout.of(in.schema(), column);
        ScalarText text = list == null ? null : ScalarText.of(list.leaf().getPrimitiveType());
        return text == null ? null : new TextListColumn(column.getName(), list, text);
    }

    @Override public String name() { return name; }

    @Override public ColumnDescriptor leaf() { return list.leaf(); }

    /** The joined elements; "" for an empty list, null for a null one. */
    @Override public String next(ColumnCursor c) {
        row.setLength(0);
        int n = list.next(c, (i, present) -> {
            if (!present) return;
            String t = text.read(c.reader);
            if (t.isEmpty()) return;
            if (!row.isEmpty()) row.append(", ");
            row.append(t);
        });
        return n < 0 ? null : row.toString();
    }
}
