package dev.semid.cli;

import dev.semid.lab.serve.SoakBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code semid bench soak}: the options of {@link SoakBench}; exit 8 when the checker or the crash invariant finds anything. */
@Command(name = "soak", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Soak of the streaming service under crashes: items stream at a fixed rate through service processes of one group;"
                + " one of them, at random, is SIGKILLed every --kill-every seconds and started again. Prints every kill, items, kills survived,"
                + " the latency p99 across the run and the checker's verdict; exits 8 if anything was lost or broken."})
final class SoakBenchCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "30", description = "How long items stream (default ${DEFAULT-VALUE}).") double minutes;
    @Option(names = "--kill-every", defaultValue = "50", paramLabel = "S", description = "Seconds between kills (default ${DEFAULT-VALUE}).")
    int killEvery;
    @Option(names = "--rate", defaultValue = "500", description = "Items a second (default ${DEFAULT-VALUE}).") int rate;
    @Option(names = "--instances", defaultValue = "2", description = "Service processes (default ${DEFAULT-VALUE}).") int instances;
    @Option(names = "--max-down", defaultValue = "20", paramLabel = "S",
            description = "A killed instance stays down a random 0..S seconds; past the 10 s consumer session its partitions move to the others"
                    + " and back (default ${DEFAULT-VALUE}).") int maxDown;
    @Option(names = "--seed", defaultValue = "1", description = "Which instance dies when, and the items (default ${DEFAULT-VALUE}).") long seed;
    @Option(names = "--work", defaultValue = "runs/bench-soak", paramLabel = "DIR", description = "Scratch directory, emptied first (default ${DEFAULT-VALUE}).")
    Path work;

    @Override public Integer call() throws Exception {
        SoakBench.Result r = new SoakBench(SoakBench.Settings.builder().minutes(minutes).killEvery(killEvery).rate(rate).instances(instances).maxDown(maxDown)
                .seed(seed).work(work).build()).run(System.out);
        return r.ok() ? 0 : CheckCommand.BROKEN;
    }
}
