package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of one value per row read as text: strings (UTF-8 binary, with or without
 * the STRING annotation) as they are, integers as their decimal form (as the JSON Lines reader
 * keeps integer ids).
 */
final class TextColumn {
    final String name;
    final ColumnDescriptor descriptor;
    private final PrimitiveType.PrimitiveTypeName type;
    private final boolean unsigned;

    private TextColumn(String name, ColumnDescriptor descriptor, boolean unsigned) {
        this.name = name;
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.unsigned = unsigned;
    }

    static TextColumn of(ParquetInput in, Type column, String role) {
        if (!column.isPrimitive() || column.isRepetition(Type.Repetition.REPEATED))
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the " + role + " column is " + describe(column)
                    + "; expected one string or integer per row");
        PrimitiveType p = column.asPrimitiveType();
        PrimitiveType.PrimitiveTypeName t = p.getPrimitiveTypeName();
        if (t != PrimitiveType.PrimitiveTypeName.BINARY && t != PrimitiveType.PrimitiveTypeName.INT32 && t != PrimitiveType.PrimitiveTypeName.INT64)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the " + role + " column is " + describe(column)
                    + "; expected strings or integers");
        boolean unsigned = p.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        return new TextColumn(column.getName(), in.schema().getColumnDescription(new String[] {column.getName()}), unsigned);
    }

    /** The current row's value, or null for a null; moves to the next row. */
    String next(ColumnCursor c) {
        String v = null;
        if (c.definition() == descriptor.getMaxDefinitionLevel()) {
            v = switch (type) {
                case INT32 -> unsigned ? Integer.toUnsignedString(c.reader.getInteger()) : Integer.toString(c.reader.getInteger());
                case INT64 -> unsigned ? Long.toUnsignedString(c.reader.getLong()) : Long.toString(c.reader.getLong());
                default -> c.reader.getBinary().toStringUsingUTF8();
            };
        }
        c.next();
        return v;
    }

    /** A column's declaration as the schema prints it, on one line. */
    static String describe(Type column) {
        return "'" + column.toString().replaceAll("\\s+", " ").trim() + "'";
    }
}
