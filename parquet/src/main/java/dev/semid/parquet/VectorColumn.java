package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.Arrays;

/**
 * A top-level list-of-numbers column in any {@link ListLayout}; elements are float or double
 * (narrowed to float).
 */
final class VectorColumn {
    final String name;
    final ColumnDescriptor leaf;
    private final ListLayout list;
    private final boolean doubles;
    private float[] row = new float[256];

    private VectorColumn(String name, ListLayout list) {
        this.name = name;
        this.leaf = list.leaf();
        this.list = list;
        this.doubles = leaf.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE;
    }

    static VectorColumn of(ParquetInput in, Type column) {
        ListLayout list = ListLayout.of(in.schema(), column);
        if (list == null)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the embedding column is " + TextColumn.describe(column)
                    + "; expected a list of float or double");
        PrimitiveType.PrimitiveTypeName t = list.leaf().getPrimitiveType().getPrimitiveTypeName();
        if (t != PrimitiveType.PrimitiveTypeName.FLOAT && t != PrimitiveType.PrimitiveTypeName.DOUBLE)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the embedding column holds "
                    + TextColumn.describe(list.leaf().getPrimitiveType()) + " elements; expected float or double");
        return new VectorColumn(column.getName(), list);
    }

    /**
     * Reads the current row's list into {@link #values()} and moves to the next row.
     *
     * @return the number of elements
     * @throws InputException for a null or empty list, a null element or a non-finite value
     */
    int next(ColumnCursor c, String src, String where) {
        int n = list.next(c, (i, present) -> {
            if (!present) throw new InputException(src, where, "column '" + name + "'[" + i + "] is null");
            float v;
            if (doubles) {
                double d = c.reader.getDouble();
                v = (float) d;
                if (!Float.isFinite(v) && Double.isFinite(d))
                    throw new InputException(src, where, "column '" + name + "'[" + i + "] is " + d + " (outside the float32 range)");
            } else {
                v = c.reader.getFloat();
            }
            if (!Float.isFinite(v)) throw new InputException(src, where, "column '" + name + "'[" + i + "] is " + v + "; embeddings must be finite");
            if (i == row.length) row = Arrays.copyOf(row, row.length * 2);
            row[i] = v;
        });
        if (n < 0) throw new InputException(src, where, "column '" + name + "' is null");
        if (n == 0) throw new InputException(src, where, "column '" + name + "' is an empty list");
        return n;
    }

    /** The last row read, in its first {@code n} places; reused by the next call. */
    float[] values() { return row; }
}
