package dev.semid.parquet;

import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.Sources;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReadStore;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopCodecs;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Parquet file opened for reading one row group at a time, so that only one row group's pages
 * are in memory beside what the caller keeps. Only the columns asked for are read. Failures of
 * the file itself become {@link InputException}s naming it.
 */
final class ParquetInput implements AutoCloseable {
    private final Path file;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final GroupConverter ignored;
    private final String createdBy;

    private ParquetInput(Path file, ParquetFileReader reader) {
        this.file = file;
        this.reader = reader;
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        this.ignored = (GroupConverter) IgnoredValues.of(schema);
        this.createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
    }

    static ParquetInput open(Path file) {
        Sources.requireReadableFile(file);
        LocalInputFile input = new LocalInputFile(file) {
            @Override public String toString() { return "the file"; } // parquet-java's messages start with it
        };
        try {
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            ParquetReadOptions options = ParquetReadOptions.builder(conf)
                    .withCodecFactory(new HeapSnappyCodecs(HadoopCodecs.newFactory(conf, 0))).build();
            return new ParquetInput(file, ParquetFileReader.open(input, options));
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        } catch (RuntimeException e) { // parquet-java reports a file that is not Parquet as a plain RuntimeException
            throw new InputException(src(file), null, "not a readable Parquet file: " + e.getMessage(), e);
        }
    }

    String src() { return src(file); }

    private static String src(Path file) { return Sources.name(file); }

    MessageType schema() { return schema; }

    /** Rows in the whole file, from the footer. */
    long rows() { return reader.getRecordCount(); }

    /** The first of {@code candidates} that is a top-level column; else an error listing the columns found. */
    Type column(List<String> candidates, String role) {
        for (String name : candidates)
            if (schema.containsField(name)) return schema.getType(name);
        List<String> found = schema.getFields().stream().map(Type::getName).toList();
        throw new InputException(src(), null, "no " + role + " column: looked for " + quoted(candidates) + ", found " + quoted(found));
    }

    /** Reads only these leaf columns from now on. */
    void project(ColumnDescriptor... columns) {
        reader.setRequestedSchema(List.of(columns));
    }

    /** The next row group's column readers, or null after the last. */
    RowGroup nextRowGroup(long firstRow) {
        try {
            PageReadStore pages = reader.readNextRowGroup();
            return pages == null ? null : new RowGroup(new ColumnReadStoreImpl(pages, ignored, schema, createdBy), pages.getRowCount());
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        } catch (ParquetRuntimeException e) {
            throw corrupt(firstRow, e);
        }
    }

    /** A row group's readers and its row count. */
    record RowGroup(ColumnReadStore columns, long rows) {}

    InputException corrupt(long row, RuntimeException e) {
        return new InputException(src(), "row " + row, "cannot decode the Parquet data: " + e.getMessage(), e);
    }

    static String quoted(List<String> names) {
        return names.isEmpty() ? "none" : "'" + String.join("', '", names) + "'";
    }

    @Override public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
    }
}
