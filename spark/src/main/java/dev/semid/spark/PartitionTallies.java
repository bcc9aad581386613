package dev.semid.spark;

import dev.semid.tokenizer.metrics.MetricsTally;
import org.apache.spark.TaskContext;
import org.apache.spark.util.AccumulatorV2;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The metrics tallies of one stage's partitions, at most one per partition index. Spark may run a
 * partition's task more than once (a retry, a speculative copy, a stage run again for a lost
 * shuffle file or an evicted cache block) and would add a plain accumulator's updates each time;
 * here the first tally of a partition is kept and later ones dropped, so every item is counted
 * once. A partition holds the same rows on every run, so which run's tally is kept does not matter.
 */
final class PartitionTallies extends AccumulatorV2<MetricsTally, SortedMap<Integer, MetricsTally>> {
    private static final long serialVersionUID = 1L;

    private final int codebookSize;
    private final TreeMap<Integer, MetricsTally> byPartition = new TreeMap<>();

    PartitionTallies(int codebookSize) {
        this.codebookSize = codebookSize;
    }

    /** The tally of the partition this task computes, to add to. */
    MetricsTally local() {
        return byPartition.computeIfAbsent(TaskContext.getPartitionId(), p -> new MetricsTally(codebookSize));
    }

    /** All partitions' tallies merged, in partition order (so the floating-point sums are the same run to run). */
    MetricsTally total() {
        MetricsTally total = new MetricsTally(codebookSize);
        byPartition.values().forEach(total::merge);
        return total;
    }

    @Override public boolean isZero() { return byPartition.isEmpty(); }

    @Override public PartitionTallies copy() {
        PartitionTallies c = new PartitionTallies(codebookSize);
        c.byPartition.putAll(byPartition);
        return c;
    }

    @Override public void reset() { byPartition.clear(); }

    @Override public void add(MetricsTally tally) { local().merge(tally); }

    @Override public void merge(AccumulatorV2<MetricsTally, SortedMap<Integer, MetricsTally>> other) {
        ((PartitionTallies) other).byPartition.forEach(byPartition::putIfAbsent);
    }

    @Override public SortedMap<Integer, MetricsTally> value() { return Collections.unmodifiableSortedMap(byPartition); }
}
