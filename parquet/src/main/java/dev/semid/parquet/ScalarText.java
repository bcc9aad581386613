package dev.semid.parquet;

import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The text of a column reader's current value, by the column's physical and logical type: what
 * the JSON Lines reader gives the same value. Strings as they are, integers in decimal (unsigned
 * ones too), decimals in plain notation with their scale, float and double as Java's shortest
 * text, booleans as {@code true}/{@code false}.
 */
@FunctionalInterface
interface ScalarText {
    String read(ColumnReader r);

    ScalarText UTF8 = r -> r.getBinary().toStringUsingUTF8();

    /**
     * The text form of this type's values, or null for a type without a readable one: bytes with no
     * string annotation (images, hashes), INT96, dates, times and timestamps (numbers of days or
     * ticks), and fixed-length values other than decimals (UUIDs, float16, intervals).
     */
    static ScalarText of(PrimitiveType type) {
        LogicalTypeAnnotation a = type.getLogicalTypeAnnotation();
        if (a instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            int scale = d.getScale();
            return switch (type.getPrimitiveTypeName()) {
                case INT32 -> r -> BigDecimal.valueOf(r.getInteger(), scale).toPlainString();
                case INT64 -> r -> BigDecimal.valueOf(r.getLong(), scale).toPlainString();
                default -> r -> new BigDecimal(new BigInteger(r.getBinary().getBytes()), scale).toPlainString();
            };
        }
        boolean integer = a == null || a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation;
        boolean unsigned = a instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation i && !i.isSigned();
        return switch (type.getPrimitiveTypeName()) {
            case BINARY -> a instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation || a instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation
                    || a instanceof LogicalTypeAnnotation.JsonLogicalTypeAnnotation ? UTF8 : null;
            case INT32 -> !integer ? null
                    : unsigned ? r -> Integer.toUnsignedString(r.getInteger()) : r -> Integer.toString(r.getInteger());
            case INT64 -> !integer ? null
                    : unsigned ? r -> Long.toUnsignedString(r.getLong()) : r -> Long.toString(r.getLong());
            case FLOAT -> a == null ? r -> Float.toString(r.getFloat()) : null;
            case DOUBLE -> a == null ? r -> Double.toString(r.getDouble()) : null;
            case BOOLEAN -> r -> Boolean.toString(r.getBoolean());
            case INT96, FIXED_LEN_BYTE_ARRAY -> null;
        };
    }
}
