package dev.semid.parquet;

import dev.semid.tokenizer.sid.SemanticId;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes an old → new ID map as {@code id: string, old: string (optional), new: string (optional)}, atomically and in row groups. */
final class ParquetIdMapWriter {
    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("old")
            .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("new")
            .named("id_map");

    private ParquetIdMapWriter() {}

    static void write(Path target, List<String> ids, List<SemanticId> oldSids, List<SemanticId> newSids) throws IOException {
        RowGroupWriter.write(target, SCHEMA, ids.size(), ParquetFormat.ROW_GROUP_BYTES, Map.of(), (r, out) -> {
            Fields.string(out, "id", 0, ids.get(r));
            if (oldSids.get(r) != null) Fields.string(out, "old", 1, oldSids.get(r).toString());
            if (newSids.get(r) != null) Fields.string(out, "new", 2, newSids.get(r).toString());
        });
    }
}
