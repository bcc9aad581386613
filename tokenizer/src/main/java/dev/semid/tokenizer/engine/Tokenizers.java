package dev.semid.tokenizer.engine;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.rq.ResidualQuantizer;

/**
 * Opens the tokenizer for a model on a device: the one place that chooses the engine, so the CLI,
 * the service and eval encode every item alike. On the CPU a model without encoder and decoder
 * networks gets {@link CodebookTokenizer} (pure Java SIMD, 1.5–3× faster than PyTorch at the
 * batch sizes of streaming) when the JVM offers the Vector API with 256-bit or wider SIMD;
 * everything else, and every GPU, gets {@link DjlTokenizer}.
 */
public final class Tokenizers {
    private Tokenizers() {}

    public static Tokenizer open(QuantizerModel model, Device device) {
        return javaEngine(model, device) ? new CodebookTokenizer(model) : new DjlTokenizer(model, device);
    }

    /**
     * Encodes small batches of synthetic rows for up to {@code maxMillis}, or {@code calls} times:
     * a service calls it before it takes traffic, so that its first items do not wait for the JIT
     * compiler (until C2 compiles it, the Java engine's SIMD runs interpreted: the first batches
     * took 160 ms, 70 ms and 15 ms here, then 0.2 ms). Returns the calls made.
     */
    public static int warmUp(Tokenizer t, int calls, long maxMillis) {
        Matrix x = Matrix.zeros(WARM_UP_ROWS, t.dimension());
        for (int i = 0; i < x.data().length; i++) x.data()[i] = (float) Math.sin(i * 0.37); // varied codes, not one row repeated
        long end = System.nanoTime() + maxMillis * 1_000_000L;
        int done = 0;
        while (done < calls && System.nanoTime() < end) {
            t.codes(x);
            done++;
        }
        return done;
    }

    /** Rows per warm-up batch: four-row blocks and single rows both run. */
    static final int WARM_UP_ROWS = 13;

    /** What encodes with a tokenizer {@link #open} gave: "java-simd", or "pytorch-cpu" / "pytorch-gpu". */
    public static String engine(Tokenizer t) {
        if (t instanceof CodebookTokenizer) return "java-simd";
        if (t instanceof DjlTokenizer d) return "pytorch-" + (d.device().isGpu() ? "gpu" : "cpu");
        return t.getClass().getSimpleName();
    }

    /** Whether {@link #open} picks the Java engine for this model and device. */
    public static boolean javaEngine(QuantizerModel model, Device device) {
        return !device.isGpu() && CodebookTokenizer.supports(model) && vectorApi();
    }

    /** The Vector API is an incubator module: present only when the JVM was started with --add-modules jdk.incubator.vector. */
    private static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && ResidualQuantizer.simdFast();
    }
}
