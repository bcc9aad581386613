package dev.semid.parquet;

import dev.semid.tokenizer.io.CatalogueItems;
import dev.semid.tokenizer.io.CatalogueReader;
import org.apache.parquet.ParquetRuntimeException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.schema.Type;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an item catalogue from Parquet, row group by row group, every top-level column a field:
 * one value per row ({@link TextColumn}) or a list of values ({@link TextListColumn}) as text, a
 * null as "". Columns with no text form (structs, maps, nested lists, bytes, dates and times) are
 * left out of the items and reported in the summary. The id column is the named one, else
 * {@code id}, else {@code item_id}, strings or integers; {@link CatalogueItems} checks the ids.
 * Rows are counted from 0 across row groups, as in the other Parquet readers.
 */
public final class ParquetCatalogueReader {
    private ParquetCatalogueReader() {}

    public static CatalogueReader.Summary read(Path file, String idFieldOrNull, CatalogueReader.Row row) {
        try (ParquetInput in = ParquetInput.open(file)) {
            CatalogueItems items = new CatalogueItems(in.src(), "row", row);
            List<String> names = in.schema().getFields().stream().map(Type::getName).toList();
            String idName = CatalogueItems.idField(idFieldOrNull, names);
            if (idName == null) throw items.noIdField(null, idFieldOrNull, "column", names);
            List<RowText> columns = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            int idColumn = -1;
            for (Type t : in.schema().getFields()) {
                boolean isId = t.getName().equals(idName);
                RowText c = isId ? TextColumn.of(in, t, "id") : text(in, t);
                if (c == null) {
                    skipped.add(t.getName());
                    continue;
                }
                if (isId) idColumn = columns.size();
                columns.add(c);
            }
            in.project(columns.stream().map(RowText::leaf).toArray(ColumnDescriptor[]::new));
            long r = 0;
            for (ParquetInput.RowGroup g; (g = in.nextRowGroup(r)) != null; ) {
                ColumnCursor[] cursors = new ColumnCursor[columns.size()];
                for (int i = 0; i < cursors.length; i++) cursors[i] = new ColumnCursor(g.columns().getColumnReader(columns.get(i).leaf()));
                try {
                    for (long end = r + g.rows(); r < end; r++) {
                        Map<String, String> fields = new LinkedHashMap<>();
                        String id = null;
                        for (int i = 0; i < cursors.length; i++) {
                            String v = columns.get(i).next(cursors[i]);
                            if (i == idColumn) id = v;
                            fields.put(columns.get(i).name(), v == null ? "" : v);
                        }
                        items.add(r, id, fields);
                    }
                } catch (ParquetRuntimeException e) {
                    throw in.corrupt(r, e);
                }
            }
            return items.summary(columns.stream().map(RowText::name).toList(), skipped);
        }
    }

    /** The column as text, or null when it has no text form. */
    private static RowText text(ParquetInput in, Type column) {
        RowText scalar = TextColumn.scalar(in, column);
        return scalar != null ? scalar : TextListColumn.of(in, column);
    }
}
