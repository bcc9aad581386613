package dev.semid.spark.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code semid bench spark}: items/s and peak RSS of {@code semid tokenize} (the CLI itself, one
 * JVM) and of the Spark job ({@code SemanticIdsJob}, local mode) on the same generated Parquet
 * catalogue ({@link IndexedCatalogue}, d = 64), each in a JVM of its own from start to exit
 * (reading, tokenizing, numbering, writing IDs and metrics); then the Spark job on {@code scale}×
 * the items, to show its memory does not grow with them. Also checks that the Spark job's report
 * has the CLI's metrics. The launcher gives the CLI's class path as {@value #CLI_CLASSPATH}.
 */
public final class ScaleBench {
    static final String CLI_CLASSPATH = "semid.cli.classpath";
    private static final String USAGE = """
            usage: semid bench spark [--items 5000000] [--scale 4] [--master local[2]] [--spark-heap 2g] [--jvm-heap 10g] [--dir DIR]
              --items       catalogue items (one Parquet file) for semid tokenize and the Spark job
              --scale       the Spark job runs again on this many times the items
              --master      the Spark master of the job (local mode: local[N])
              --spark-heap  the Spark JVM's heap; --jvm-heap: semid tokenize's
              --dir         where the catalogue, model and outputs go, kept (default: a temporary directory, deleted)""";
    private static final int DIM = 64, TRAIN_ROWS = 50_000, CODES = 256;
    /** 3 × 256 codes overflowed the 256 dedup tokens at 20,000,000 items (1,049 items on one tuple). */
    private static final int LEVELS = 4;
    private static final long SEED = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        // before Spark's first log line: warnings only from the catalogue's Spark session (the jobs log to files)
        System.setProperty("log4j2.configurationFile", "dev/semid/spark/bench/log4j2-bench.properties");
        long items = 5_000_000;
        int scale = 4;
        String master = "local[2]", sparkHeap = "2g", jvmHeap = "10g";
        Path dir = null;
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            String v = args[i + 1];
            switch (args[i]) {
                case "--items" -> items = Long.parseLong(v);
                case "--scale" -> scale = Integer.parseInt(v);
                case "--master" -> master = v;
                case "--spark-heap" -> sparkHeap = v;
                case "--jvm-heap" -> jvmHeap = v;
                case "--dir" -> dir = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (items < 1 || scale < 1) throw new IllegalArgumentException("--items and --scale must be >= 1\n" + USAGE);
        String cliClassPath = System.getProperty(CLI_CLASSPATH);
        if (cliClassPath == null)
            throw new IllegalArgumentException("no -D" + CLI_CLASSPATH + ": run this as `semid bench spark`, whose launcher sets it");
        boolean keep = dir != null;
        dir = keep ? Files.createDirectories(dir) : Files.createTempDirectory("semid-bench-spark");
        if (run(dir, items, scale, master, sparkHeap, jvmHeap, cliClassPath) && !keep) delete(dir);
        else System.out.println("left " + dir + " (catalogue, model, outputs, logs); delete it when done");
    }

    /** Whether every run succeeded. */
    private static boolean run(Path dir, long items, int scale, String master, String sparkHeap, String jvmHeap, String cliClassPath)
            throws Exception {
        IndexedCatalogue catalogue = new IndexedCatalogue(DIM, SEED);
        Path model = dir.resolve("model"), data = Files.createDirectories(dir.resolve("catalogue"));
        int train = (int) Math.min(items, TRAIN_ROWS);
        Matrix x = Matrix.zeros(train, DIM);
        for (int i = 0; i < train; i++) catalogue.row(i, x.data(), i * DIM);
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().levels(LEVELS).codes(CODES).iterations(10).seed(1).build(),
                TrainingListener.NONE).train(x), model);
        System.out.printf(Locale.ROOT, "RQ-KMeans %d x %d, d=%d, trained on %,d generated items; %d cores; in %s%n", LEVELS, CODES,
                DIM, train, Runtime.getRuntime().availableProcessors(), dir);

        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("semid bench: catalogue")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            CatalogueFiles.write(spark, catalogue, 0, items, 1, data);
            long more = items * (scale - 1);
            if (more > 0) CatalogueFiles.write(spark, catalogue, items, items + more, (int) Math.max(1, more / 1_000_000), data);
        } finally {
            spark.stop();
        }
        Path file = data.resolve("items-0-0.parquet");
        System.out.printf(Locale.ROOT, "catalogue: %,d items in %s (%,d MB), %,d more beside it; generated in %.1f s%n%n", items,
                file.getFileName(), Files.size(file) >> 20, items * (scale - 1), (System.nanoTime() - t0) / 1e9);

        System.out.printf(Locale.ROOT, "%-30s %12s %9s %12s %13s %9s%n", "path (own JVM, start to exit)", "items", "seconds",
                "items/s", "peak RSS MB", "timed *");
        String sparkClassPath = System.getProperty("java.class.path");
        List<String> sparkProperties = List.of("spark.master=" + master, "spark.ui.enabled=false");
        ChildJvm.Outcome cli = ChildJvm.run(cliClassPath, jvmHeap, List.of(), "dev.semid.cli.SemidCommand",
                List.of("tokenize", "--model", model.toString(), "--input", file.toString(), "--out", dir.resolve("cli-ids.parquet").toString()),
                dir.resolve("cli.log"));
        print("semid tokenize, heap " + jvmHeap, items, cli, dir.resolve("cli-ids.metrics.json"));
        ChildJvm.Outcome one = ChildJvm.run(sparkClassPath, sparkHeap, sparkProperties, "dev.semid.spark.SemanticIdsJob",
                List.of("--input", file.toString(), "--model", model.toString(), "--out", dir.resolve("spark-ids").toString()),
                dir.resolve("spark.log"));
        print("spark " + master + ", heap " + sparkHeap, items, one, dir.resolve("spark-ids/_semid.json"));
        ChildJvm.Outcome scaled = null;
        if (scale > 1) {
            scaled = ChildJvm.run(sparkClassPath, sparkHeap, sparkProperties, "dev.semid.spark.SemanticIdsJob",
                    List.of("--input", data.toString(), "--model", model.toString(), "--out", dir.resolve("spark-ids-x" + scale).toString()),
                    dir.resolve("spark-x" + scale + ".log"));
            print("spark " + master + ", heap " + sparkHeap, items * scale, scaled, dir.resolve("spark-ids-x" + scale + "/_semid.json"));
        }
        System.out.println("* seconds each program times itself: semid tokenize its tokenizing and numbering only (no reading or"
                + " writing), the Spark job all but its session's start");

        if (cli.ok() && one.ok()) {
            System.out.printf(Locale.ROOT, "%nSpark's rate is %.0f %% of semid tokenize's (start to exit; target >= 70 %%)%n",
                    100 * cli.seconds() / one.seconds());
            String diff = ReportDifference.of(JSON.readTree(dir.resolve("cli-ids.metrics.json").toFile()).get("metrics"),
                    JSON.readTree(dir.resolve("spark-ids/_semid.json").toFile()).get("metrics"), 1e-9);
            System.out.println("Spark's _semid.json metrics " + (diff == null ? "equal semid tokenize's" : "DIFFER from semid tokenize's: " + diff));
        }
        if (scaled != null && one.ok() && scaled.ok())
            System.out.printf(Locale.ROOT, "Spark's peak RSS at %dx the items: %.2fx%n", scale, (double) scaled.peakRssKb() / one.peakRssKb());
        return cli.ok() && one.ok() && (scaled == null || scaled.ok());
    }

    private static void print(String name, long items, ChildJvm.Outcome o, Path report) throws IOException {
        if (!o.ok()) {
            System.out.printf(Locale.ROOT, "%-30s %,12d   failed (exit %d): %s; log %s%n", name, items, o.exitCode(),
                    o.stdout().strip(), o.log());
            return;
        }
        double timed = JSON.readTree(report.toFile()).get("seconds").asDouble();
        System.out.printf(Locale.ROOT, "%-30s %,12d %9.1f %,12.0f %,13d %9.1f%n", name, items, o.seconds(), items / o.seconds(),
                o.peakRssKb() / 1024, timed);
    }

    /** Deletes a directory and all in it. */
    static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
