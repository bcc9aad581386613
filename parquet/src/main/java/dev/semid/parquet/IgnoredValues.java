package dev.semid.parquet;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * Converters of the schema's shape that drop every value: parquet-java's column readers want one
 * per column, but the readers here take values from the columns directly, with their levels.
 */
final class IgnoredValues {
    private IgnoredValues() {}

    static Converter of(Type type) {
        if (type.isPrimitive()) return new PrimitiveConverter() {};
        GroupType group = type.asGroupType();
        Converter[] children = group.getFields().stream().map(IgnoredValues::of).toArray(Converter[]::new);
        return new GroupConverter() {
            @Override public Converter getConverter(int fieldIndex) { return children[fieldIndex]; }
            @Override public void start() {}
            @Override public void end() {}
        };
    }
}
