package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Resolves the user's device choice: auto (a GPU when there is one, else CPU), cpu, gpu. */
public final class Devices {
    private Devices() {}

    /** Intra-op threads asked for (0 = PyTorch's default), and what this thread has applied. */
    private static volatile int cpuThreads;
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[1]);

    /**
     * Sets PyTorch's intra-op threads for CPU work in this process (0 = leave PyTorch's default,
     * one per core). A process that shares its cores with other busy threads — the streaming
     * service, with Kafka and Lucene — encodes faster with one: OpenMP workers of a second thread
     * wait for a core and spin. OpenMP keeps the count per thread, so it is applied here and again
     * by each thread on its first encode ({@link #applyToThisThread}); without that, every other
     * thread that encodes starts a worker per core of its own.
     */
    public static void cpuThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be >= 0, got " + threads);
        Engine.getEngine("PyTorch"); // loads the natives
        cpuThreads = threads;
        applyToThisThread();
    }

    /** Applies {@link #cpuThreads(int)} to the calling thread, once per thread (a thread-local check after that). */
    public static void applyToThisThread() {
        int t = cpuThreads;
        int[] applied = APPLIED.get();
        if (t > 0 && applied[0] != t) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(t);
            applied[0] = t;
        }
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
