package dev.semid.spark.bench;

import dev.semid.spark.ItemRow;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * Rows {@code from..to-1} of an {@link IndexedCatalogue} written as Parquet ({@code id} string
 * "i+1", {@code embedding} array&lt;float&gt;) into a directory, as {@code files} files named
 * {@code items-FROM-K.parquet}: one file is what {@code semid tokenize --input} reads.
 */
final class CatalogueFiles {
    private CatalogueFiles() {}

    static void write(SparkSession spark, IndexedCatalogue catalogue, long from, long to, int files, Path dir) throws IOException {
        Path staging = dir.resolve("_staging-" + from);
        int partitions = (int) Math.max(files, (to - from) / 250_000);
        spark.range(from, to, 1, partitions).mapPartitions((MapPartitionsFunction<Long, ItemRow>) it -> new Iterator<>() {
                    @Override public boolean hasNext() { return it.hasNext(); }
                    @Override public ItemRow next() {
                        long i = it.next();
                        return new ItemRow(Long.toString(i + 1), catalogue.row(i));
                    }
                }, Encoders.bean(ItemRow.class)).toDF().select("id", "embedding").coalesce(files)
                .write().parquet(staging.toString());
        List<Path> parts;
        try (var list = Files.list(staging)) {
            parts = list.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        for (int k = 0; k < parts.size(); k++) Files.move(parts.get(k), dir.resolve("items-" + from + "-" + k + ".parquet"));
        ScaleBench.delete(staging);
    }
}
