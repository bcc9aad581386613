package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * A top-level column of one value per row read as text ({@link ScalarText}); the id and sid
 * columns are strings (UTF-8 binary, with or without the STRING annotation) or integers (as the
 * JSON Lines reader keeps integer ids).
 */
final class TextColumn implements RowText {
    final String name;
    final ColumnDescriptor descriptor;
    private final ScalarText text;

    private TextColumn(ParquetInput in, Type column, ScalarText text) {
        this.name = column.getName();
        this.descriptor = in.schema().getColumnDescription(new String[] {name});
        this.text = text;
    }

    /** The id or sid column ({@code role}, for messages): strings or integers. */
    static TextColumn of(ParquetInput in, Type column, String role) {
        if (!column.isPrimitive() || column.isRepetition(Type.Repetition.REPEATED))
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the " + role + " column is " + describe(column)
                    + "; expected one string or integer per row");
        PrimitiveType p = column.asPrimitiveType();
        ScalarText text = switch (p.getPrimitiveTypeName()) {
            case BINARY -> ScalarText.UTF8; // older writers leave out the STRING annotation
            case INT32, INT64 -> ScalarText.of(p);
            default -> null;
        };
        if (text == null)
            throw new InputException(in.src(), "column '" + column.getName() + "'", "the " + role + " column is " + describe(column)
                    + "; expected strings or integers");
        return new TextColumn(in, column, text);
    }

    /** Any column of one value per row with a text form, or null. */
    static TextColumn scalar(ParquetInput in, Type column) {
        if (!column.isPrimitive() || column.isRepetition(Type.Repetition.REPEATED)) return null;
        ScalarText text = ScalarText.of(column.asPrimitiveType());
        return text == null ? null : new TextColumn(in, column, text);
    }

    @Override public String name() { return name; }

    @Override public ColumnDescriptor leaf() { return descriptor; }

    @Override public String next(ColumnCursor c) {
        String v = c.definition() == descriptor.getMaxDefinitionLevel() ? text.read(c.reader) : null;
        c.next();
        return v;
    }

    /** A column's declaration as the schema prints it, on one line. */
    static String describe(Type column) {
        return "'" + column.toString().replaceAll("\\s+", " ").trim() + "'";
    }
}
