package dev.semid.parquet;

import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Where a top-level list column keeps its elements, in any of the layouts writers use: the
 * standard 3-level LIST ({@code group (LIST) { repeated group list { element; } }}, what pyarrow
 * writes, the element named {@code element} or, by older pyarrow, {@code item}), the legacy 2-level
 * one ({@code group (LIST) { repeated float array; }}) and a bare {@code repeated float}. Its one
 * leaf column's definition level tells apart a null list (below {@code empty}), an empty list
 * ({@code empty}), a null element (below the leaf's maximum) and a value.
 */
record ListLayout(ColumnDescriptor leaf, int empty) {
    /** Takes one element of a row's list; a present one is the column reader's current value. */
    @FunctionalInterface
    interface Element {
        void accept(int index, boolean present);
    }

    /** The layout of {@code column}, or null when it is not a list of single values. */
    static ListLayout of(MessageType schema, Type column) {
        String[] repeatedPath = repeatedPath(column);
        if (repeatedPath == null) return null;
        return new ListLayout(schema.getColumnDescription(leafPath(column, repeatedPath)), schema.getMaxDefinitionLevel(repeatedPath) - 1);
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
     * Hands the current row's elements, null ones too, to {@code element} in order, and moves to the
     * next row.
     *
     * @return the number of elements, or -1 for a null list
     */
    int next(ColumnCursor c, Element element) {
        int def = c.definition();
        if (def <= empty) {
            c.next();
            return def < empty ? -1 : 0;
        }
        int n = 0;
        do {
            element.accept(n++, c.definition() == leaf.getMaxDefinitionLevel());
            c.next();
        } while (c.repetition() > 0);
        return n;
    }
}
