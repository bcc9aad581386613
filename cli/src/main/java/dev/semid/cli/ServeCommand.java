package dev.semid.cli;

import dev.semid.serving.SemidServer;
import dev.semid.serving.kafka.EmbeddedKafka;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the streaming tokenization service: items from Kafka get semantic IDs, kept in the index and published;"
                + " lookups over HTTP (see README: topics, message contract, endpoints, configuration).",
                "Kafka: --kafka, else kafka.bootstrap.servers from config or KAFKA_BOOTSTRAP_SERVERS;"
                        + " --embedded-kafka starts a single-node broker in this process (for trying it out, not for production)."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR") Path model;
    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory (this process is its one writer).") Path index;
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 = any free port).") int port;
    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.") String kafka;
    @Option(names = "--embedded-kafka", description = "Start a single-node Kafka in this process (not for production).") boolean embedded;
    @Option(names = "--kafka-dir", defaultValue = "runs/kafka", paramLabel = "DIR",
            description = "Log directory of the embedded Kafka (default ${DEFAULT-VALUE}; kept between runs).") Path kafkaDir;
    @Option(names = "--auth-token", paramLabel = "TOKEN", description = "Bearer token for the write endpoints (or env SEMID_AUTH_TOKEN);"
            + " without one they are refused.") String token;
    @Option(names = "--reindex", description = "Empty an index built for a model this model does not descend from (else the service refuses to start);"
            + " a model trained with --align-to the index's model takes it over as it is.")
    boolean reindex;
    @Option(names = "--insecure-writes", description = "Without --auth-token, accept POST /items and DELETE /items/{id} from anyone.")
    boolean insecureWrites;
    @Option(names = "--retokenize", description = "Give items that already have an ID a new one when their codes changed.") boolean retokenize;
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any other setting, e.g. --set semid.batch-size=5000 (see README).")
    Map<String, String> extra = new HashMap<>();

    @Override public Integer call() throws Exception {
        EmbeddedKafka broker = null;
        if (embedded) {
            broker = EmbeddedKafka.start(kafkaDir);
            System.out.println("embedded Kafka (not for production) at " + broker.bootstrapServers() + ", log in " + kafkaDir);
        }
        Map<String, Object> props = new HashMap<>(extra);
        props.put("semid.model", model.toString());
        props.put("semid.index", index.toString());
        props.put("micronaut.server.port", port == 0 ? -1 : port);
        if (broker != null) props.put("kafka.bootstrap.servers", broker.bootstrapServers());
        else if (kafka != null) props.put("kafka.bootstrap.servers", kafka);
        if (token != null) props.put("semid.auth-token", token);
        if (insecureWrites) props.put("semid.insecure-writes", true);
        if (reindex) props.put("semid.reindex", true);
        if (retokenize) props.put("semid.retokenize", true);
        SemidServer server = SemidServer.start(props);
        System.out.printf("semid serving on http://127.0.0.1:%d (model %s, index %s) — Ctrl-C stops%n", server.port(), model, index);
        // Micronaut's own shutdown hook stops the service on SIGTERM/Ctrl-C (the stream commits);
        // the embedded broker must outlive it, so this hook waits for the service first.
        EmbeddedKafka b = broker;
        if (b != null)
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (server.context().isRunning() && System.nanoTime() < deadline) sleepMs(50);
                b.close();
            }));
        new CountDownLatch(1).await(); // until the JVM is stopped
        return 0;
    }

    private static void sleepMs(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
