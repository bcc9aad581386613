package dev.semid.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;

/**
 * The catalogue-wide check that no item id is on two rows, as semid's readers refuse a repeated
 * id. The numbering only sees the items of one code tuple at a time, so two rows of one id with
 * different codes would otherwise get two IDs. One Spark job before any tokenizing: the id column
 * alone is read and its values counted (a hash aggregate, one shuffle of the ids).
 */
final class UniqueIds {
    /** Repeated ids named in the error, the smallest first. */
    static final int NAMED = 5;

    private UniqueIds() {}

    /** Throws {@link DuplicateIdException} if a non-null value of the string column {@code id} is on two rows. */
    static void check(Dataset<Row> items) {
        List<Row> repeated = items.select(col("id")).where(col("id").isNotNull()).groupBy("id").count()
                .where(col("count").gt(1)).orderBy("id").limit(NAMED + 1).collectAsList();
        if (repeated.isEmpty()) return;
        List<String> ids = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        for (Row r : repeated.subList(0, Math.min(NAMED, repeated.size()))) {
            ids.add(r.getString(0));
            rows.add(r.getLong(1));
        }
        throw new DuplicateIdException(ids, rows, repeated.size() > NAMED);
    }
}
