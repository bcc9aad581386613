package dev.semid.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.IntegralType;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.Arrays;

import static org.apache.spark.sql.functions.col;

/**
 * Semantic IDs for a catalogue on Spark, the same IDs as {@code semid tokenize}:
 * <ol>
 *   <li>codes k_1..k_L per partition, with the model broadcast once and opened once per executor
 *       ({@link PartitionEncoder}, {@link ExecutorTokenizers});</li>
 *   <li>one shuffle by code tuple, and in each tuple's group the dedup tokens of
 *       {@link dev.semid.tokenizer.sid.SemanticIdAssigner} ({@link TupleNumbering}).</li>
 * </ol>
 * Both steps count the run's metrics into per-partition tallies ({@link PartitionTallies}), merged
 * on the driver by {@link Tokenized#metrics()}.
 * The re-assignment of {@code semid tokenize --reassign} is not offered.
 */
public final class SemanticIds {
    /** The metadata key of the {@code sid} column that names the model fingerprint (kept in Parquet footers). */
    public static final String MODEL_METADATA_KEY = "semid.model";

    private SemanticIds() {}

    /**
     * Checks the schema and that no id is on two rows (one Spark job over the id column, here, so a
     * repeated id throws {@link DuplicateIdException} before any work), then gives the lazy datasets.
     */
    public static Tokenized tokenize(Dataset<Row> items, Path modelDir, TokenizeOptions options) {
        ModelFiles model = ModelFiles.read(modelDir);
        checkSchema(items.schema(), options);
        SparkSession spark = items.sparkSession();
        Dataset<Row> input = items.select(
                col(options.idColumn()).cast(DataTypes.StringType).as("id"),
                col(options.embeddingColumn()).cast(DataTypes.createArrayType(DataTypes.FloatType)).as("embedding"));
        UniqueIds.check(input);
        Broadcast<ModelFiles> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(model);
        PartitionTallies codeTallies = tallies(spark, model, "semid codes"), idTallies = tallies(spark, model, "semid IDs");
        Dataset<EncodedItem> encoded = input.mapPartitions(
                new PartitionEncoder(shared, options.rejectBadRows(), options.batchRows(), codeTallies), Encoders.bean(EncodedItem.class));
        if (options.rejectBadRows()) encoded = encoded.persist(); // read twice: IDs and rejected rows
        Dataset<EncodedItem> good = encoded.filter(col("reason").isNull());
        // grouped by the column itself, not a key function: Spark need not decode every item to find its key
        Dataset<SidRow> numbered = good.groupBy(col("tuple")).as(Encoders.STRING(), Encoders.bean(EncodedItem.class))
                .flatMapGroups(new TupleNumbering(options, idTallies), Encoders.bean(SidRow.class));
        Column sid = col("sid").as("sid", new MetadataBuilder().putString(MODEL_METADATA_KEY, model.fingerprint()).build());
        Dataset<Row> ids = numbered.toDF().select(col("id"), sid, col("codes"));
        Dataset<Row> rejected = encoded.filter(col("reason").isNotNull()).toDF().select("id", "reason");
        return new Tokenized(ids, rejected, model, codeTallies, idTallies);
    }

    private static PartitionTallies tallies(SparkSession spark, ModelFiles model, String name) {
        PartitionTallies t = new PartitionTallies(model.codebookSize());
        spark.sparkContext().register(t, name);
        return t;
    }

    /** The id column must be text or an integer, the embedding column an array of float or double. */
    static void checkSchema(StructType schema, TokenizeOptions options) {
        DataType id = field(schema, options.idColumn(), "id").dataType();
        if (!(id == DataTypes.StringType || id instanceof IntegralType))
            throw new IllegalArgumentException("id column '" + options.idColumn() + "' is " + id.simpleString()
                    + "; it must be a string or an integer type");
        DataType emb = field(schema, options.embeddingColumn(), "embedding").dataType();
        if (!(emb instanceof ArrayType a && (a.elementType() == DataTypes.FloatType || a.elementType() == DataTypes.DoubleType)))
            throw new IllegalArgumentException("embedding column '" + options.embeddingColumn() + "' is " + emb.simpleString()
                    + "; it must be array<float> or array<double>");
    }

    private static StructField field(StructType schema, String name, String what) {
        for (StructField f : schema.fields()) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException("no " + what + " column '" + name + "' in the input; its columns are "
                + Arrays.toString(schema.fieldNames()));
    }
}
