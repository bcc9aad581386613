package dev.semid.tokenizer.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Resolves the user's device choice: auto (a GPU when there is one, else CPU), cpu, gpu. */
public final class Devices {
    private Devices() {}

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
