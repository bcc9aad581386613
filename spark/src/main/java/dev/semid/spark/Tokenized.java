package dev.semid.spark;

import dev.semid.tokenizer.metrics.MetricsTally;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link SemanticIds#tokenize} gives: lazy datasets, computed when written or collected, and
 * the metrics their computation counts on the way.
 */
public final class Tokenized {
    private final Dataset<Row> ids, rejected;
    private final ModelFiles model;
    private final PartitionTallies coded, numbered;

    Tokenized(Dataset<Row> ids, Dataset<Row> rejected, ModelFiles model, PartitionTallies coded, PartitionTallies numbered) {
        this.ids = ids;
        this.rejected = rejected;
        this.model = model;
        this.coded = coded;
        this.numbered = numbered;
    }

    /** {@code id} (string), {@code sid} (string, e.g. {@code 12-201-7-0}), {@code codes} (array&lt;int&gt;, the dedup token last). */
    public Dataset<Row> ids() { return ids; }

    /** {@code id}, {@code reason}: the bad rows, when the options reject them (empty otherwise, as bad rows then fail the job). */
    public Dataset<Row> rejected() { return rejected; }

    /** The model the IDs were made with. */
    public ModelFiles model() { return model; }

    /**
     * The metrics {@code semid tokenize} reports for the same items (per-level usage, collisions
     * before and after the dedup token, largest token, quantization and reconstruction errors),
     * summed over the partitions on the executors and merged here: ready once an action has
     * computed every row of {@link #ids()}, such as writing it.
     *
     * @throws IllegalStateException before that, as the codes of some items were counted and their IDs not
     */
    public TokenizerMetrics metrics() {
        MetricsTally all = coded.total();
        all.merge(numbered.total());
        return all.metrics();
    }
}
