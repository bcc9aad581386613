package dev.semid.lab.bench;

import ai.djl.Device;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.engine.CodebookTokenizer;
import dev.semid.tokenizer.engine.Devices;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.quantize.Seeding;
import dev.semid.tokenizer.sid.CollisionStats;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * RQ-KMeans training: on an embedding file, time, relative error Σ||x − x̂||² / Σ||x − mean x||²
 * and distinct tuples for the greedy fit (capped clusters by default, uncapped, k-means++ seeding), with joint
 * refinement and with a balanced last level, beside the FLOP floor
 * (iterations × levels × 2·N·K·d at this machine's matmul peak); on a synthetic catalogue of
 * {@code largeItems} × d, training (on the default sample) and encoding time and the process's
 * peak resident memory against the size of the input matrix. faiss's figure is measured beside
 * it with {@code lab/scripts/faiss_rq.py} (not a Java dependency) and recorded in docs/benchmarks.
 */
public final class RqKMeansBench {
    /**
     * @param input        embeddings of the quality and speed run
     * @param refineRounds the refined variant's rounds
     * @param largeItems   items of the synthetic run (0 = skip it)
     * @param largeDim     dimension of the synthetic run
     */
    public record Settings(Path input, int refineRounds, int largeItems, int largeDim, Device device) {
        public static Builder builder() { return new Builder(); }

        public static final class Builder {
            private Path input = Path.of("../shared/data/beauty/embeddings-minilm-384.npy");
            private int refineRounds = 10, largeItems = 1_000_000, largeDim = 384;
            private Device device;

            private Builder() {}

            public Builder input(Path v) { input = v; return this; }
            public Builder refineRounds(int v) { refineRounds = v; return this; }
            public Builder largeItems(int v) { largeItems = v; return this; }
            public Builder largeDim(int v) { largeDim = v; return this; }
            public Builder device(Device v) { device = v; return this; }

            public Settings build() { return new Settings(input, refineRounds, largeItems, largeDim, device != null ? device : Devices.resolve("auto")); }
        }
    }

    private final Settings settings;

    public RqKMeansBench(Settings settings) { this.settings = settings; }

    public void run(PrintStream out) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        if (settings.largeItems() > 0) large(out, cores); // first, so the peak memory is this run's alone
        EmbeddingSet set = EmbeddingReader.read(settings.input(), null, 0);
        Matrix x = set.vectors();
        double gflops = MatmulPeak.gflops(settings.device());
        out.printf(Locale.ROOT, "rq-kmeans bench: %s, %,d × %d, %d cores; fp32 matmul peak %.1f GFLOP/s%n", settings.input(), x.rows(), x.cols(),
                cores, gflops);
        RqKMeansConfig greedy = RqKMeansConfig.defaults();
        double floor = (double) greedy.iterations() * greedy.levels() * 2.0 * x.rows() * greedy.codes() * x.cols() / (gflops * 1e9);
        new RqKMeansTrainer(greedy, TrainingListener.NONE).train(x.slice(0, Math.min(x.rows(), 4096))); // JIT warm-up, untimed
        for (RqKMeansConfig c : List.of(greedy, RqKMeansConfig.builder().clusterCap(0).build(), RqKMeansConfig.builder().seeding(Seeding.PLUS_PLUS).build(),
                RqKMeansConfig.builder().refineRounds(settings.refineRounds()).build(), RqKMeansConfig.builder().balancedLastLevel(true).build(),
                RqKMeansConfig.builder().miniBatch(MINI_BATCH).iterations(MINI_BATCH_PASSES).build())) {
            long t0 = System.nanoTime();
            QuantizerModel m = new RqKMeansTrainer(c, TrainingListener.NONE).train(x);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Quality q = quality(m, x);
            out.printf(Locale.ROOT, "  %-28s trained in %5.1f s (%.1f× the FLOP floor of %.1f s), relative error %.4f, %,d distinct tuples%n",
                    label(c), seconds, seconds / floor, floor, q.error(), q.distinct());
        }
        out.println("  targets: ≤ 5 s and ≤ faiss's time the same day; relative error ≤ 0.436 and ≥ faiss's distinct tuples (ResidualQuantizer(384, 3, 8),"
                + " beam 1: 0.4369 and 11,176 with Debian's faiss 1.7.3 here, 0.436 and 11,190 with another build)");
        out.println("  peer: /usr/bin/python3 lab/scripts/faiss_rq.py " + settings.input() + "   (Debian python3-faiss)");
    }

    private static String label(RqKMeansConfig c) {
        if (c.refineRounds() > 0) return "greedy + " + c.refineRounds() + " refine rounds:";
        if (c.balancedLastLevel()) return "balanced last level:";
        if (c.miniBatch() > 0) return String.format(Locale.ROOT, "mini-batch %,d, %d passes:", c.miniBatch(), c.iterations());
        if (c.seeding() == Seeding.PLUS_PLUS) return "greedy, k-means++ seeding:";
        return c.clusterCap() == 0 ? "greedy, uncapped clusters:" : "greedy (default):";
    }

    private record Quality(double error, int distinct) {}

    private static Quality quality(QuantizerModel m, Matrix x) {
        try (CodebookTokenizer t = new CodebookTokenizer(m)) {
            var e = t.encode(x, true);
            return new Quality(dev.semid.tokenizer.metrics.QuantizationStats.relativeError(x, e.reconstruction()),
                    CollisionStats.of(e.codes()).distinctIds());
        }
    }

    private void large(PrintStream out, int cores) throws IOException {
        int n = settings.largeItems(), d = settings.largeDim();
        long t0 = System.nanoTime();
        Matrix x = SyntheticCatalogue.generate(n, d, 1024, 8, 7).vectors();
        double inputGb = (double) n * d * Float.BYTES / 1e9;
        out.printf(Locale.ROOT, "synthetic catalogue %,d × %d (%.2f GB of float32) made in %.1f s; resident now %.2f GB%n", n, d, inputGb,
                (System.nanoTime() - t0) / 1e9, residentGb("VmRSS"));
        // the generator's garbage is not training's: collect it and restart the peak, as a file read would leave none
        System.gc();
        boolean peakReset = resetPeak();
        long t1 = System.nanoTime();
        QuantizerModel m = new RqKMeansTrainer(RqKMeansConfig.defaults(), TrainingListener.NONE).train(x);
        double train = (System.nanoTime() - t1) / 1e9;
        long t2 = System.nanoTime();
        int[][] codes;
        try (CodebookTokenizer t = new CodebookTokenizer(m)) {
            codes = t.codes(x);
        }
        double encode = (System.nanoTime() - t2) / 1e9;
        double peak = residentGb("VmHWM");
        out.printf(Locale.ROOT, "  RQ-KMeans 3 × 256 on a sample of %,d: trained in %.1f s; all %,d items encoded in %.1f s (%,.0f items/s); %,d distinct tuples%n",
                Math.min(n, RqKMeansConfig.DEFAULT_SAMPLE), train, n, encode, n / encode, CollisionStats.of(codes).distinctIds());
        out.printf(Locale.ROOT, "  peak resident memory %s %.2f GB = %.2f× the input matrix (JVM and all)   target < 2×%n",
                peakReset ? "while training and encoding" : "since start (the peak could not be reset)", peak, peak / inputGb);
        // after the peak was read: mini-batch k-means on the same sample, both judged on the same items
        Matrix probe = x.slice(0, Math.min(n, PROBE_ROWS));
        long t3 = System.nanoTime();
        QuantizerModel mini = new RqKMeansTrainer(RqKMeansConfig.builder().miniBatch(MINI_BATCH).iterations(MINI_BATCH_PASSES).build(),
                TrainingListener.NONE).train(x);
        double miniSeconds = (System.nanoTime() - t3) / 1e9;
        out.printf(Locale.ROOT, "  relative error on the first %,d items: full-batch Lloyd %.4f; mini-batch k-means (batches of %,d, %d passes) %.4f, trained in %.1f s%n",
                probe.rows(), quality(m, probe).error(), MINI_BATCH, MINI_BATCH_PASSES, quality(mini, probe).error(), miniSeconds);
    }

    private static final int PROBE_ROWS = 65_536, MINI_BATCH = 4_096, MINI_BATCH_PASSES = 3;

    /** A field of /proc/self/status in GB (VmRSS now, VmHWM the peak); NaN where there is no /proc. */
    /** Restarts the kernel's count of this process's peak resident memory (VmHWM); false where it cannot. */
    private static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double residentGb(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) return Double.NaN;
        for (String line : Files.readAllLines(status))
            if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024 / 1e9;
        return Double.NaN;
    }
}
