package dev.semid.tokenizer.engine;

import ai.djl.Device;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.model.QuantizerModel;

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

    /** Whether {@link #open} picks the Java engine for this model and device. */
    public static boolean javaEngine(QuantizerModel model, Device device) {
        return !device.isGpu() && CodebookTokenizer.supports(model) && vectorApi();
    }

    /** The Vector API is an incubator module: present only when the JVM was started with --add-modules jdk.incubator.vector. */
    private static boolean vectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && ResidualCodeSearch.fast();
    }
}
