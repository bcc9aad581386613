package dev.semid.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What {@link SemanticIds#tokenize} gives: lazy datasets, computed when written or collected.
 *
 * @param ids          {@code id} (string), {@code sid} (string, e.g. {@code 12-201-7-0}),
 *                     {@code codes} (array&lt;int&gt;, the dedup token last)
 * @param rejected     {@code id}, {@code reason}: the bad rows, when the options reject them
 *                     (empty otherwise, as bad rows then fail the job)
 * @param model        the model the IDs were made with
 */
public record Tokenized(Dataset<Row> ids, Dataset<Row> rejected, ModelFiles model) {}
