package dev.semid.cli;

import ai.djl.Device;
import dev.semid.tokenizer.engine.Devices;
import picocli.CommandLine.Option;

/** Where the work runs and how much it says: shared by every command that trains or tokenizes. */
final class RunOptions {
    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default ${DEFAULT-VALUE}).")
    String device;
    @Option(names = "--quiet", description = "Print nothing but errors and the result line.")
    boolean quiet;

    Device device() { return Devices.resolve(device); }

    ProgressBar progress() { return new ProgressBar(System.err, quiet); }

    Output output() { return new Output(System.out, quiet); }
}
