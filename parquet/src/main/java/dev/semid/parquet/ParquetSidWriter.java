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

/**
 * Writes semantic IDs as {@code id: string, sid: string, codes: list<int32>} (codes end with the
 * dedup token, as in the other formats), atomically and in row groups.
 */
public final class ParquetSidWriter {
    static final MessageType SCHEMA = Types.buildMessage()
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("id")
            .required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("sid")
            .requiredList().requiredElement(PrimitiveTypeName.INT32).named("codes")
            .named("sids");

    private ParquetSidWriter() {}

    public static void write(Path target, List<String> ids, List<SemanticId> sids) throws IOException {
        write(target, ids, sids, ParquetFormat.ROW_GROUP_BYTES);
    }

    static void write(Path target, List<String> ids, List<SemanticId> sids, long rowGroupBytes) throws IOException {
        if (ids.size() != sids.size()) throw new IllegalArgumentException(ids.size() + " ids but " + sids.size() + " semantic IDs");
        RowGroupWriter.write(target, SCHEMA, ids.size(), rowGroupBytes, Map.of(), (r, out) -> {
            String id = ids.get(r);
            SemanticId sid = sids.get(r);
            if (id == null || sid == null) throw new IllegalArgumentException("row " + r + " has no " + (id == null ? "id" : "semantic ID"));
            Fields.string(out, "id", 0, id);
            Fields.string(out, "sid", 1, sid.toString());
            Fields.ints(out, "codes", 2, sid.withDedup());
        });
    }
}
