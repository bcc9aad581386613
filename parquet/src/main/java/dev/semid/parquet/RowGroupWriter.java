package dev.semid.parquet;

import dev.semid.tokenizer.io.AtomicFiles;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes rows 0..n-1 to a Parquet file through {@link AtomicFiles}: parquet-java buffers one row
 * group (about {@code rowGroupBytes}) at a time and flushes it, so memory beyond the caller's data
 * stays bounded. Zstandard compression: smaller than Snappy, and every current Parquet reader
 * (pyarrow, polars, DuckDB, Spark) reads it.
 */
final class RowGroupWriter {
    /** Writes one row's fields between the message's start and end. */
    @FunctionalInterface
    interface Row {
        void write(int row, RecordConsumer out);
    }

    private RowGroupWriter() {}

    static void write(Path target, MessageType schema, int rows, long rowGroupBytes, Map<String, Boolean> dictionary, Row row)
            throws IOException {
        AtomicFiles.write(target, out -> {
            Builder b = new Builder(new StreamOutputFile(out), schema, row).withConf(new PlainParquetConfiguration())
                    .withCompressionCodec(CompressionCodecName.ZSTD).withRowGroupSize(rowGroupBytes);
            dictionary.forEach(b::withDictionaryEncoding);
            try (ParquetWriter<Integer> w = b.build()) {
                for (int r = 0; r < rows; r++) w.write(r);
            }
        });
    }

    private static final class Builder extends ParquetWriter.Builder<Integer, Builder> {
        private final MessageType schema;
        private final Row row;

        Builder(OutputFile file, MessageType schema, Row row) {
            super(file);
            this.schema = schema;
            this.row = row;
        }

        @Override protected Builder self() { return this; }

        @SuppressWarnings("deprecation") // abstract in parquet-java; build() calls the ParquetConfiguration variant
        @Override protected WriteSupport<Integer> getWriteSupport(org.apache.hadoop.conf.Configuration conf) { return new Rows(schema, row); }

        @Override protected WriteSupport<Integer> getWriteSupport(ParquetConfiguration conf) { return new Rows(schema, row); }
    }

    private static final class Rows extends WriteSupport<Integer> {
        private final MessageType schema;
        private final Row row;
        private RecordConsumer out;

        Rows(MessageType schema, Row row) {
            this.schema = schema;
            this.row = row;
        }

        @Override public WriteContext init(org.apache.hadoop.conf.Configuration conf) { return new WriteContext(schema, Map.of()); }

        @Override public WriteContext init(ParquetConfiguration conf) { return new WriteContext(schema, Map.of()); }

        @Override public void prepareForWrite(RecordConsumer out) { this.out = out; }

        @Override public void write(Integer r) {
            out.startMessage();
            row.write(r, out);
            out.endMessage();
        }
    }
}
