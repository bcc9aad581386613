package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

import java.util.Arrays;

/**
 * A top-level list-of-numbers column, in any of the layouts writers use: the standard 3-level
 * LIST ({@code group (LIST) { repeated group list { element; } }}, what pyarrow writes for
 * {@code list<float>} and fixed-size lists), the legacy 2-level one ({@code group (LIST) {
 * repeated float array; }}) and a bare {@code repeated float}. Elements are float or double
 * (narrowed to float). Its one leaf column's definition level tells apart a null list, an empty
 * list, a null element and a value.
 */
final class VectorColumn {
    final String name;
    final ColumnDescriptor leaf;
    private final boolean doubles;
    /** Definition level at which the list is present but empty; below it the list is null. */
    private final int empty;
    private float[] row = new float[256];

    private VectorColumn(String name, ColumnDescriptor leaf, int empty) {
        this.name = name;
        this.leaf = leaf;
        this.doubles = leaf.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.DOUBLE;
        this.empty = empty;
    }

    static VectorColumn of(ParquetInput in, Type column) {
        String[] repeatedPath = repeatedPath(column);
        if (repeatedPath == null)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the embedding column is " + TextColumn.describe(column)
                    + "; expected a list of float or double");
        ColumnDescriptor leaf = in.schema().getColumnDescription(leafPath(column, repeatedPath));
        PrimitiveType.PrimitiveTypeName t = leaf.getPrimitiveType().getPrimitiveTypeName();
        if (t != PrimitiveType.PrimitiveTypeName.FLOAT && t != PrimitiveType.PrimitiveTypeName.DOUBLE)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the embedding column holds "
                    + TextColumn.describe(leaf.getPrimitiveType()) + " elements; expected float or double");
        return new VectorColumn(column.getName(), leaf, in.schema().getMaxDefinitionLevel(repeatedPath) - 1);
    }

    /** Path to the one repeated field of a supported layout, or null for any other shape. */
    private static String[] repeatedPath(Type column) {
        if (column.isRepetition(Type.Repetition.REPEATED)) return column.isPrimitive() ? new String[] {column.getName()} : null;
        if (column.isPrimitive()) return null;
        GroupType g = column.asGroupType();
        if (g.getFieldCount() != 1) return null;
        Type repeated = g.getType(0);
        if (!repeated.isRepetition(Type.Repetition.REPEATED)) return null;
        if (!repeated.isPrimitive()) {
            GroupType inner = repeated.asGroupType();
            if (inner.getFieldCount() != 1 || !inner.getType(0).isPrimitive() || inner.getType(0).isRepetition(Type.Repetition.REPEATED))
                return null;
        }
        return new String[] {column.getName(), repeated.getName()};
    }

    private static String[] leafPath(Type column, String[] repeatedPath) {
        if (repeatedPath.length == 1 || column.asGroupType().getType(0).isPrimitive()) return repeatedPath;
        String element = column.asGroupType().getType(0).asGroupType().getType(0).getName();
        return new String[] {repeatedPath[0], repeatedPath[1], element};
    }

    /**
     * Reads the current row's list into {@link #values()} and moves to the next row.
     *
     * @return the number of elements
     * @throws InputException for a null or empty list, a null element or a non-finite value
     */
    int next(ColumnCursor c, String src, String where) {
        int def = c.definition();
        if (def < empty) throw new InputException(src, where, "column '" + name + "' is null");
        if (def == empty) throw new InputException(src, where, "column '" + name + "' is an empty list");
        int n = 0;
        do {
            if (c.definition() < leaf.getMaxDefinitionLevel())
                throw new InputException(src, where, "column '" + name + "'[" + n + "] is null");
            float v;
            if (doubles) {
                double d = c.reader.getDouble();
                v = (float) d;
                if (!Float.isFinite(v) && Double.isFinite(d))
                    throw new InputException(src, where, "column '" + name + "'[" + n + "] is " + d + " (outside the float32 range)");
            } else {
                v = c.reader.getFloat();
            }
            if (!Float.isFinite(v)) throw new InputException(src, where, "column '" + name + "'[" + n + "] is " + v + "; embeddings must be finite");
            if (n == row.length) row = Arrays.copyOf(row, row.length * 2);
            row[n++] = v;
            c.next();
        } while (c.repetition() > 0);
        return n;
    }

    /** The last row read, in its first {@code n} places; reused by the next call. */
    float[] values() { return row; }
}
