package dev.semid.cli;

import dev.semid.serving.check.DurableOffsets;
import dev.semid.serving.check.StreamChecker;
import dev.semid.serving.check.Violation;
import dev.semid.tokenizer.model.ModelArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prove the stream's guarantees from its topics and index, with the service stopped or idle: every valid input item"
                + " has exactly one ID, no ID belongs to two items, the index equals the output topic's latest records, items kept their"
                + " IDs when re-delivered, and the dead-letter topic holds exactly the invalid input records.",
                "Also the crash invariant, which holds at every moment, live too: what the service's committed offsets acknowledge is in some"
                        + " instance's last index commit or still waits in the claims topic.",
                "Give --index once per instance. Prints what broke, with item ids; exit code 8 when anything did."})
final class CheckCommand implements Callable<Integer> {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS}",
            description = "Kafka bootstrap servers (default: $KAFKA_BOOTSTRAP_SERVERS).") String bootstrap;
    @Option(names = "--index", required = true, paramLabel = "DIR", description = "An instance's index; once per instance.") List<Path> indexes;
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "The service's model (for the input dimension).") Path model;
    @Option(names = "--input-topic", defaultValue = "items") String inputTopic;
    @Option(names = "--output-topic", defaultValue = "semantic-ids") String outputTopic;
    @Option(names = "--dead-letter-topic", defaultValue = "items-dlq") String deadLetterTopic;
    @Option(names = "--claims-topic", defaultValue = "semid-claims") String claimsTopic;
    @Option(names = "--group", defaultValue = "semid", description = "The service's semid.group (default ${DEFAULT-VALUE}).") String group;
    @Option(names = "--max-item-bytes", defaultValue = "262144", description = "As the service's semid.max-item-bytes (default ${DEFAULT-VALUE}).")
    int maxItemBytes;
    @Option(names = "--show", defaultValue = "20", description = "Violations to print (default ${DEFAULT-VALUE}).") int show;

    static final int BROKEN = 8;

    @Override public Integer call() {
        if (bootstrap == null || bootstrap.isBlank()) throw new IllegalArgumentException("--bootstrap (or KAFKA_BOOTSTRAP_SERVERS) is required");
        int dimension = ModelArtifact.load(model).inputDim();
        StreamChecker.Report r = StreamChecker.check(new StreamChecker.Settings(bootstrap, inputTopic, outputTopic, deadLetterTopic,
                claimsTopic, indexes, dimension, maxItemBytes));
        System.out.printf(Locale.ROOT, "%s: %,d input records (%,d items, %,d invalid), %,d output records (%,d items with an ID),"
                + " %,d dead letters; %d index(es)%n", r.ok() ? "ok" : "BROKEN", r.inputRecords(), r.items(), r.invalidRecords(),
                r.outputRecords(), r.ids(), r.deadLetters(), indexes.size());
        r.counts().forEach((invariant, n) -> System.out.printf(Locale.ROOT, "  %s: %,d%n", invariant, n));
        List<Violation> broken = new ArrayList<>(r.violations());
        List<Violation> durable = DurableOffsets.check(new DurableOffsets.Settings(bootstrap, inputTopic, claimsTopic, deadLetterTopic, group,
                indexes, dimension, maxItemBytes));
        System.out.printf(Locale.ROOT, "crash invariant (group %s): %s%n", group,
                durable.isEmpty() ? "holds" : "BROKEN for " + durable.size() + " items");
        broken.addAll(durable);
        if (broken.isEmpty()) return 0;
        for (Violation v : broken.subList(0, Math.min(show, broken.size()))) System.out.println("  " + v);
        return BROKEN;
    }
}
