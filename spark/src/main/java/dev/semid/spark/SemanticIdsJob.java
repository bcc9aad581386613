package dev.semid.spark;

import dev.semid.tokenizer.model.ArtifactException;
import dev.semid.tokenizer.sid.DedupOverflowException;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Map;

/**
 * {@code spark-submit} entry point: Parquet items in, Parquet IDs ({@code id}, {@code sid},
 * {@code codes}) out, {@code _semid.json} beside them, bad rows to {@code --errors} if given.
 * Exit codes as {@code semid}'s: 2 usage, 3 bad input row, 4 unusable model, 5 dedup tokens exhausted, 1 else.
 */
public final class SemanticIdsJob {
    static final int USAGE = 2, BAD_INPUT = 3, BAD_MODEL = 4, DEDUP_OVERFLOW = 5, FAILED = 1;

    private SemanticIdsJob() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("semid tokenize").getOrCreate();
        int code = execute(spark, args);
        spark.stop();
        System.exit(code);
    }

    /** Runs the job and maps its failure to an exit code, the message on standard error. */
    static int execute(SparkSession spark, String... args) {
        try {
            Map<String, Object> report = run(spark, JobArguments.parse(args));
            System.out.printf("%s semantic IDs (model %s) in %.1f s%n", report.get("items"), report.get("model"), report.get("seconds"));
            return 0;
        } catch (Exception e) { // Spark throws SparkException (checked) without declaring it
            System.err.println("semid spark: error: " + e.getMessage());
            if (causedBy(e, DedupOverflowException.class)) return DEDUP_OVERFLOW;
            if (causedBy(e, BadRowException.class)) return BAD_INPUT;
            if (causedBy(e, ArtifactException.class)) return BAD_MODEL;
            if (e instanceof IllegalArgumentException) return USAGE;
            return FAILED;
        }
    }

    /** Writes the IDs, the rejected rows if asked, and the report; returns the report. */
    static Map<String, Object> run(SparkSession spark, JobArguments a) throws IOException {
        long t0 = System.nanoTime();
        Tokenized t = SemanticIds.tokenize(spark.read().parquet(a.input()), a.model(), a.options());
        if (a.errors() != null) t.rejected().write().mode(SaveMode.ErrorIfExists).parquet(a.errors());
        t.ids().write().mode(SaveMode.ErrorIfExists).parquet(a.out());
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> report = RunReport.of(spark.read().parquet(a.out()), t.model(), seconds, a.out());
        RunReport.write(report, a.out(), spark.sparkContext().hadoopConfiguration());
        return report;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }
}
