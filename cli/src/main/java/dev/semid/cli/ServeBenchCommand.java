package dev.semid.cli;

import dev.semid.lab.serve.ServeBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code semid bench serve}: the options of {@link ServeBench}, which runs the service under load and prints its figures. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Load benchmark of the streaming service on an embedded broker: sustained items/s and produce → output latency.")
final class ServeBenchCommand implements Callable<Integer> {
    @Option(names = "--input", defaultValue = "../shared/data/beauty/embeddings-minilm-384.npy", paramLabel = "FILE") Path input;
    @Option(names = "--items", defaultValue = "150000", description = "Items per burst for the sustained figure (every item a distinct vector, see BenchItems) (default ${DEFAULT-VALUE}).")
    int items;
    @Option(names = "--repeats", defaultValue = "3", description = "Bursts for the sustained figure; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;
    @Option(names = "--warmup-seconds", defaultValue = "300",
            description = "At most this many seconds of streaming at 5,000 items/s before measuring, not counted; it ends sooner, after "
                    + ServeBench.WARMUP_MIN_SECONDS + " s or more, once the JIT compiler has settled (under 5%% of a core over "
                    + ServeBench.WARMUP_SLICE_SECONDS + " s): with a broker in the process that took three to four minutes here"
                    + " (default ${DEFAULT-VALUE}; 0 = none).")
    int warmupSeconds;
    @Option(names = "--rates", defaultValue = "2000,5000,10000", split = ",", description = "Rates for the latency runs (default ${DEFAULT-VALUE}).")
    List<Integer> rates;
    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per latency run (default ${DEFAULT-VALUE}).") int seconds;
    @Option(names = "--binary", description = "Binary float32 values instead of JSON.") boolean binary;
    @Option(names = "--work", defaultValue = "runs/bench-serve", paramLabel = "DIR") Path work;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Service settings, as for `semid serve --set`.")
    Map<String, String> extra = new HashMap<>();

    @Override public Integer call() throws Exception {
        new ServeBench(settings()).run(System.out);
        return 0;
    }

    ServeBench.Settings settings() {
        if (items < 1 || repeats < 1 || seconds < 1 || warmupSeconds < 0)
            throw new IllegalArgumentException("--items, --repeats and --seconds must be >= 1 and --warmup-seconds >= 0");
        return ServeBench.Settings.builder().input(input).items(items).repeats(repeats).warmupSeconds(warmupSeconds).rates(rates)
                .seconds(seconds).binary(binary).work(work).service(extra).build();
    }
}
