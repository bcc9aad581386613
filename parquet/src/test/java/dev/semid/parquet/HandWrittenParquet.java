package dev.semid.parquet;

import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test files written with parquet-java's own example API (not this module's writer) from a schema
 * in Parquet's text form, so the layouts other tools write (pyarrow's 3-level LIST, the legacy
 * 2-level form, bare repeated fields) are reproduced exactly; and the same API to read files back.
 * Public for the CLI's tests (this module's test jar).
 */
public final class HandWrittenParquet {
    private HandWrittenParquet() {}

    /**
     * Rows are values of the top-level fields in order: null for a null (the field left out),
     * a String, Integer, Long, Float, Double or Boolean, or a List for a list field (null elements
     * allowed).
     */
    static Path write(Path file, String schemaText, CompressionCodecName codec, long rowGroupBytes, List<List<Object>> rows) throws IOException {
        MessageType schema = MessageTypeParser.parseMessageType(schemaText);
        SimpleGroupFactory groups = new SimpleGroupFactory(schema);
        Files.deleteIfExists(file);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withConf(new PlainParquetConfiguration()).withCompressionCodec(codec).withRowGroupSize(rowGroupBytes)
                .withPageSize((int) Math.min(rowGroupBytes / 8, 1 << 20)).build()) { // several pages per column chunk
            for (List<Object> row : rows) {
                Group g = groups.newGroup();
                for (int f = 0; f < row.size(); f++) put(g, schema.getType(f), row.get(f));
                w.write(g);
            }
        }
        return file;
    }

    public static Path write(Path file, String schemaText, List<List<Object>> rows) throws IOException {
        return write(file, schemaText, CompressionCodecName.SNAPPY, 128L << 20, rows);
    }

    /** A row of values, nulls allowed (List.of refuses them). */
    public static List<Object> row(Object... values) { return Arrays.asList(values); }

    private static void put(Group g, Type type, Object v) {
        if (v == null) return;
        String name = type.getName();
        if (v instanceof List<?> list) {
            if (type.isPrimitive()) { // bare repeated field
                for (Object e : list) add(g, name, e);
                return;
            }
            Group outer = g.addGroup(name);
            Type repeated = outer.getType().getType(0);
            for (Object e : list) {
                if (repeated.isPrimitive()) add(outer, repeated.getName(), e);
                else {
                    Group element = outer.addGroup(repeated.getName());
                    GroupType elementType = repeated.asGroupType();
                    if (e != null) add(element, elementType.getType(0).getName(), e);
                }
            }
            return;
        }
        add(g, name, v);
    }

    private static void add(Group g, String name, Object v) {
        switch (v) {
            case String s -> g.add(name, s);
            case Integer i -> g.add(name, i);
            case Long l -> g.add(name, l);
            case Float f -> g.add(name, f);
            case Double d -> g.add(name, d);
            case Boolean b -> g.add(name, b);
            default -> throw new IllegalArgumentException("unsupported test value " + v);
        }
    }

    /** Every row, read with the example API. */
    static List<Group> read(Path file) throws IOException {
        List<Group> out = new ArrayList<>();
        try (ParquetReader<Group> r = new GroupReader(new LocalInputFile(file)).build()) {
            for (Group g; (g = r.read()) != null; ) out.add(g);
        }
        return out;
    }

    static int rowGroups(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getRowGroups().size();
        }
    }

    static MessageType schema(Path file) throws IOException {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter().getFileMetaData().getSchema();
        }
    }

    private static final class GroupReader extends ParquetReader.Builder<Group> {
        GroupReader(InputFile file) { super(file, new PlainParquetConfiguration()); }

        @Override protected ReadSupport<Group> getReadSupport() { return new GroupReadSupport(); }
    }
}
