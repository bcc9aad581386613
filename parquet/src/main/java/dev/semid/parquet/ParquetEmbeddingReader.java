package dev.semid.parquet;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.EmbeddingColumns;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.io.Sources;
import org.apache.parquet.ParquetRuntimeException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads item ids and embeddings from two columns of a Parquet file (see {@link TextColumn} and
 * {@link VectorColumn} for the types accepted), row group by row group, straight into one
 * float[] of exactly rows × dimension: the footer gives the row count and the first row the
 * dimension, so the vectors are held once, as with {@code .npy}. Rows are counted from 0 across
 * row groups; errors name the file, the row, the item id and the column.
 */
public final class ParquetEmbeddingReader {
    private ParquetEmbeddingReader() {}

    public static EmbeddingSet read(Path file, EmbeddingColumns columns) {
        try (ParquetInput in = ParquetInput.open(file)) {
            String src = in.src();
            TextColumn ids = TextColumn.of(in, in.column(columns.idCandidates(), "id"), "id");
            VectorColumn vectors = VectorColumn.of(in, in.column(columns.embeddingCandidates(), "embedding"));
            in.project(ids.descriptor, vectors.leaf);
            long total = in.rows();
            if (total == 0) throw new InputException(src, null, "empty input: the file has no rows");
            if (total > Sources.MAX_ARRAY) throw new InputException(src, null, "too large: " + total + " rows exceed the largest Java array");
            int rows = (int) total;
            String[] idOf = new String[rows];
            Map<String, Integer> rowOfId = new HashMap<>(rows * 4 / 3 + 1);
            float[] data = null;
            int dim = -1, r = 0;
            for (ParquetInput.RowGroup g; r < rows && (g = in.nextRowGroup(r)) != null; ) {
                ColumnCursor idCursor = new ColumnCursor(g.columns().getColumnReader(ids.descriptor));
                ColumnCursor vecCursor = new ColumnCursor(g.columns().getColumnReader(vectors.leaf));
                long end = r + g.rows();
                if (end > rows) throw new InputException(src, "row " + rows, "the row groups hold more rows than the footer counts");
                try {
                    for (; r < end; r++) {
                        String id = ids.next(idCursor);
                        if (id == null) throw new InputException(src, "row " + r, "column '" + ids.name + "' is null");
                        if (id.isBlank()) throw new InputException(src, "row " + r, "column '" + ids.name + "' is empty");
                        String where = "row " + r + " (id '" + id + "')";
                        int n = vectors.next(vecCursor, src, where);
                        if (dim < 0) {
                            dim = n;
                            if ((long) rows * dim > Sources.MAX_ARRAY)
                                throw new InputException(src, null, "too large: " + rows + " x " + dim
                                        + " values exceed the largest Java array (" + Sources.MAX_ARRAY + " values); split the file");
                            data = new float[rows * dim];
                        } else if (n != dim) {
                            throw new InputException(src, where, "column '" + vectors.name + "' has " + n + " values, row 0 (id '"
                                    + idOf[0] + "') has " + dim);
                        }
                        Integer first = rowOfId.putIfAbsent(id, r);
                        if (first != null) throw new InputException(src, where, "duplicate id '" + id + "' (first on row " + first + ")");
                        idOf[r] = id;
                        System.arraycopy(vectors.values(), 0, data, r * dim, dim);
                    }
                } catch (ParquetRuntimeException e) {
                    throw in.corrupt(r, e);
                }
            }
            if (r != rows) throw new InputException(src, "row " + r, "the file ends before the " + rows + " rows its footer counts");
            return new EmbeddingSet(Arrays.asList(idOf), new Matrix(rows, dim, data));
        }
    }
}
