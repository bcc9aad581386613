package dev.semid.spark;

import dev.semid.tokenizer.model.ArtifactException;
import dev.semid.tokenizer.sid.DedupOverflowException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.util.Map;

/**
 * {@code spark-submit} entry point: Parquet items in, Parquet IDs ({@code id}, {@code sid},
 * {@code codes}) out, {@code _semid.json} beside them, bad rows to {@code --errors} if given; both
 * directories appear only when the job succeeds. Exit codes as {@code semid}'s: 2 usage (an output
 * directory that exists too), 3 bad input row or repeated item id, 4 unusable model, 5 dedup tokens
 * exhausted, 1 else.
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
            if (causedBy(e, BadRowException.class) || causedBy(e, DuplicateIdException.class)) return BAD_INPUT;
            if (causedBy(e, ArtifactException.class)) return BAD_MODEL;
            if (e instanceof IllegalArgumentException) return USAGE;
            return FAILED;
        }
    }

    /**
     * Writes the IDs with the report beside them, and the rejected rows if asked, each into a
     * {@link StagedDirectory} renamed into place once all is written: a failed job leaves neither.
     */
    static Map<String, Object> run(SparkSession spark, JobArguments a) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        StagedDirectory out = StagedDirectory.of(a.out(), "--out", conf);
        StagedDirectory errors = a.errors() == null ? null : StagedDirectory.of(a.errors(), "--errors", conf);
        try {
            long t0 = System.nanoTime();
            Tokenized t = SemanticIds.tokenize(spark.read().parquet(a.input()), a.model(), a.options());
            if (errors != null) t.rejected().write().parquet(errors.staging());
            t.ids().write().parquet(out.staging());
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> report = RunReport.of(t.metrics(), t.model(), seconds, a.out());
            RunReport.write(report, out.staging(), conf);
            if (errors != null) errors.commit();
            out.commit();
            return report;
        } catch (Throwable e) {
            out.abort(e);
            if (errors != null) errors.abort(e);
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable c = e; c != null; c = c.getCause()) if (type.isInstance(c)) return true;
        return false;
    }
}
