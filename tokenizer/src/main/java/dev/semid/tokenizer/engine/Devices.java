package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Resolves the user's device choice: auto (a GPU when there is one, else CPU), cpu, gpu. */
public final class Devices {
    private Devices() {}

    /**
     * Sets PyTorch's intra-op threads for CPU work in this process (0 = leave PyTorch's default,
     * one per core). A process that shares its cores with other busy threads — the streaming
     * service, with Kafka and Lucene — encodes faster with one: OpenMP workers of a second thread
     * wait for a core and spin.
     */
    public static void cpuThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        Engine.getEngine("PyTorch"); // loads the natives
        if (threads > 0) ai.djl.pytorch.jni.JniUtils.setNumThreads(threads);
    }

    public static Device resolve(String choice) {
        String c = choice == null ? "auto" : choice.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (c) {
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) throw new IllegalArgumentException(
                        "--device gpu: no CUDA GPU visible to PyTorch (build with -Pgpu for the CUDA natives, or use --device auto|cpu)");
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("unknown device '" + choice + "': use auto, cpu or gpu");
        };
    }
}
