package dev.semid.spark;

import dev.semid.tokenizer.Encoding;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.metrics.MetricsTally;
import dev.semid.tokenizer.sid.CodeTuple;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Codes for the rows (id: string, embedding: array&lt;float&gt;) of one partition: rows are
 * checked ({@link RowCheck}) and packed into batches of {@code batchRows}, each batch goes
 * through the executor's {@link Tokenizer} in one call, which also gives the latents the run
 * report's errors are summed from (into the partition's tally, with the per-level code counts).
 * Lazy, batch by batch, so a partition's memory is one batch whatever its size.
 */
final class PartitionEncoder implements MapPartitionsFunction<Row, EncodedItem> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelFiles> model;
    private final boolean rejectBadRows;
    private final int batchRows;
    private final PartitionTallies tallies;

    PartitionEncoder(Broadcast<ModelFiles> model, boolean rejectBadRows, int batchRows, PartitionTallies tallies) {
        this.model = model;
        this.rejectBadRows = rejectBadRows;
        this.batchRows = batchRows;
        this.tallies = tallies;
    }

    @Override
    public Iterator<EncodedItem> call(Iterator<Row> rows) {
        ModelFiles files = model.value();
        Tokenizer tokenizer = ExecutorTokenizers.of(files);
        int d = files.inputDim();
        return new Iterator<>() {
            private final ArrayDeque<EncodedItem> ready = new ArrayDeque<>();

            @Override public boolean hasNext() {
                if (ready.isEmpty() && rows.hasNext()) fill();
                return !ready.isEmpty();
            }

            @Override public EncodedItem next() {
                if (!hasNext()) throw new NoSuchElementException();
                return ready.poll();
            }

            private void fill() {
                List<String> ids = new ArrayList<>(batchRows);
                float[] batch = new float[batchRows * d];
                while (ids.size() < batchRows && rows.hasNext()) {
                    Row row = rows.next();
                    String id = row.isNullAt(0) ? null : row.getString(0);
                    String bad = id == null ? "item id is null" : RowCheck.copyEmbedding(row, 1, d, batch, ids.size() * d);
                    if (bad == null) ids.add(id);
                    else if (rejectBadRows) ready.add(EncodedItem.rejected(id, bad));
                    else throw new BadRowException(id, bad);
                }
                if (ids.isEmpty()) return;
                int n = ids.size();
                Matrix x = new Matrix(n, d, n == batchRows ? batch : java.util.Arrays.copyOf(batch, n * d));
                Encoding e = tokenizer.encode(x, true);
                int[][] codes = e.codes();
                MetricsTally tally = tallies.local();
                tally.addCodes(codes);
                tally.addErrors(e.latent(), e.quantized(), x, e.reconstruction());
                for (int i = 0; i < n; i++) ready.add(EncodedItem.coded(ids.get(i), CodeTuple.text(codes[i]), codes[i]));
            }
        };
    }
}
