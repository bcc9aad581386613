package dev.semid.spark.bench;

import dev.semid.spark.ItemRow;
import ai.djl.Device;
import dev.semid.spark.SemanticIds;
import dev.semid.spark.TokenizeOptions;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.sid.CollisionConfig;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Items/s and peak RSS of the Spark job (local mode) beside the single-JVM path of
 * {@code semid tokenize} ({@link Tokenization#run}) on the same generated catalogue
 * ({@link IndexedCatalogue}, d = 64), each run in its own JVM so that its peak RSS is its own;
 * then the Spark job on {@code scale}× the items, to show its memory does not grow with them.
 * Both paths tokenize and number the IDs and write nothing (Spark's {@code noop} sink), and both
 * time generation too (inside the executors for Spark, before tokenizing for the single JVM).
 *
 * <p>{@code ScaleBench [--items 5000000] [--scale 4] [--master local[2]] [--spark-heap 2g] [--jvm-heap 10g]}
 */
public final class ScaleBench {
    private static final int DIM = 64, TRAIN_ROWS = 50_000;
    /** 3 × 256 codes overflowed the 256 dedup tokens at 20,000,000 items (1,049 items on one tuple). */
    private static final int LEVELS = 4;
    private static final long SEED = 7;

    private ScaleBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Long.parseLong(args[2]), Path.of(args[3]), args[4]);
            return;
        }
        long items = 5_000_000;
        int scale = 4;
        String master = "local[2]", sparkHeap = "2g", jvmHeap = "10g";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--items" -> items = Long.parseLong(args[i + 1]);
                case "--scale" -> scale = Integer.parseInt(args[i + 1]);
                case "--master" -> master = args[i + 1];
                case "--spark-heap" -> sparkHeap = args[i + 1];
                case "--jvm-heap" -> jvmHeap = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path model = Files.createTempDirectory("semid-bench-model").resolve("rqkmeans");
        IndexedCatalogue catalogue = new IndexedCatalogue(DIM, SEED);
        Matrix train = Matrix.zeros(TRAIN_ROWS, DIM);
        for (int i = 0; i < TRAIN_ROWS; i++) catalogue.row(i, train.data(), i * DIM);
        ModelArtifact.save(new RqKMeansTrainer(RqKMeansConfig.builder().levels(LEVELS).codes(256).iterations(10).seed(1).build(),
                TrainingListener.NONE).train(train), model);
        System.out.printf(Locale.ROOT, "RQ-KMeans %d x 256, d=%d, trained on %,d generated items; %d cores%n", LEVELS,
                DIM, TRAIN_ROWS, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %12s %9s %12s %14s%n", "path", "items", "seconds", "items/s", "peak RSS MB");
        run("single JVM (semid tokenize)", "jvm", items, model, master, jvmHeap);
        run("spark " + master, "spark", items, model, master, sparkHeap);
        run("spark " + master, "spark", items * scale, model, master, sparkHeap);
    }

    /** Runs one path in a child JVM with this JVM's flags and class path and prints its line. */
    private static void run(String name, String path, long items, Path model, String master, String heap) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) if (!a.startsWith("-Xmx")) cmd.add(a);
        cmd.addAll(List.of("-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ScaleBench.class.getName(),
                "--child", path, Long.toString(items), model.toString(), master));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("result ")) result = line;
        }
        int code = p.waitFor();
        if (result == null) {
            System.out.printf(Locale.ROOT, "%-28s %,12d   failed (exit %d; heap %s)%n", name, items, code, heap);
            return;
        }
        String[] f = result.split(" ");
        double seconds = Double.parseDouble(f[1]);
        System.out.printf(Locale.ROOT, "%-28s %,12d %9.1f %,12.0f %,14d%n", name, items, seconds, items / seconds,
                Long.parseLong(f[2]) / 1024);
    }

    /** One path: prints {@code result SECONDS PEAK_RSS_KB}. */
    private static void child(String path, long items, Path model, String master) throws Exception {
        IndexedCatalogue catalogue = new IndexedCatalogue(DIM, SEED);
        long t0;
        if (path.equals("jvm")) {
            t0 = System.nanoTime();
            int n = Math.toIntExact(items);
            Matrix x = Matrix.zeros(n, DIM);
            for (int i = 0; i < n; i++) catalogue.row(i, x.data(), i * DIM);
            List<String> ids = new AbstractList<>() { // ids "1".."n" without holding n strings
                @Override public String get(int i) { return Integer.toString(i + 1); }
                @Override public int size() { return n; }
            };
            try (Tokenizer t = Tokenizers.open(ModelArtifact.load(model), Device.cpu())) {
                Tokenization.run(t, new EmbeddingSet(ids, x), CollisionConfig.defaults(), (d, total) -> {});
            }
        } else {
            SparkSession spark = SparkSession.builder().master(master).appName("semid bench")
                    .config("spark.ui.enabled", "false").getOrCreate();
            t0 = System.nanoTime();
            int partitions = (int) Math.max(8, items / 250_000);
            var rows = spark.range(0, items, 1, partitions).mapPartitions((MapPartitionsFunction<Long, ItemRow>) it ->
                    new Iterator<>() {
                        @Override public boolean hasNext() { return it.hasNext(); }
                        @Override public ItemRow next() {
                            long i = it.next();
                            return new ItemRow(Long.toString(i + 1), catalogue.row(i));
                        }
                    }, Encoders.bean(ItemRow.class)).toDF();
            SemanticIds.tokenize(rows, model, TokenizeOptions.defaults()).ids().write().format("noop").mode("overwrite").save();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "result %.3f %d%n", seconds, peakRssKb());
        System.exit(0);
    }

    /** VmHWM of /proc/self/status (Linux), or -1. */
    private static long peakRssKb() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return -1;
        for (String line : Files.readAllLines(status))
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        return -1;
    }
}
