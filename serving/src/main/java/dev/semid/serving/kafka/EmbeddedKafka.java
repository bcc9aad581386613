package dev.semid.serving.kafka;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node Kafka (KRaft: broker and controller in one process) on 127.0.0.1 and free
 * ports, with its log in a directory of ours: for trying the service out and for tests. Not for
 * production: one replica, no security, no tuning.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final KafkaRaftServer server;
    private final String bootstrap;
    private final Path dir;

    private EmbeddedKafka(KafkaRaftServer server, String bootstrap, Path dir) {
        this.server = server;
        this.bootstrap = bootstrap;
        this.dir = dir;
    }

    /** Formats {@code logDir} if it is new (a restart keeps its topics) and starts the broker. */
    public static EmbeddedKafka start(Path logDir) {
        try {
            Files.createDirectories(logDir);
            Path portsFile = logDir.resolve("semid-ports");
            int broker, controller;
            if (Files.exists(portsFile)) { // a restart on the same log keeps its ports: clients may hold them
                String[] p = Files.readString(portsFile).trim().split(",");
                broker = Integer.parseInt(p[0]);
                controller = Integer.parseInt(p[1]);
            } else {
                broker = freePort();
                controller = freePort();
                Files.writeString(portsFile, broker + "," + controller);
            }
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + broker + ",CONTROLLER://127.0.0.1:" + controller);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + broker);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("log.dirs", logDir.resolve("log").toString());
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "4");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("num.partitions", "4");
            p.put("auto.create.topics.enable", "false");
            p.put("log.cleaner.backoff.ms", "1000");
            Path config = logDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "semid embedded Kafka");
            }
            if (!Files.exists(logDir.resolve("log").resolve("meta.properties"))) format(config);
            KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(p), Time.SYSTEM);
            server.startup();
            return new EmbeddedKafka(server, "127.0.0.1:" + broker, logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded Kafka in " + logDir, e);
        }
    }

    private static void format(Path config) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = StorageTool$.MODULE$.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        if (rc != 0) throw new IllegalStateException("formatting the embedded Kafka log failed: " + buf.toString(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** host:port for {@code bootstrap.servers}. */
    public String bootstrapServers() { return bootstrap; }

    public Path directory() { return dir; }

    @Override public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
