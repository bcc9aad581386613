package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes ids and vectors as {@code id: string, embedding: list<float>} (the standard 3-level
 * LIST, as pyarrow writes it), atomically and in row groups.
 */
public final class ParquetEmbeddingWriter {
    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
            .requiredList().requiredElement(PrimitiveTypeName.FLOAT).named("embedding")
            .named("embeddings");

    private ParquetEmbeddingWriter() {}

    public static void write(Path target, EmbeddingSet set) throws IOException {
        write(target, set, ParquetFormat.ROW_GROUP_BYTES);
    }

    static void write(Path target, EmbeddingSet set, long rowGroupBytes) throws IOException {
        float[] data = set.vectors().data();
        int dim = set.dimension();
        // Distinct floats gain nothing from a dictionary.
        RowGroupWriter.write(target, SCHEMA, set.size(), rowGroupBytes, Map.of("embedding.list.element", false), (r, out) -> {
            Fields.string(out, "id", 0, set.ids().get(r));
            Fields.floats(out, "embedding", 1, data, r * dim, dim);
        });
    }
}
