package dev.semid.serving;

import dev.semid.serving.stream.Claim;
import dev.semid.serving.stream.Codec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One thread of the stream with its own Kafka clients: opens them, turns its loop, commits
 * periodically and on the way out. A failure (Kafka, the index) closes the clients and starts
 * again from the committed state after a back-off; bad messages are the stage's own business.
 */
abstract class Stage {
    private static final Logger LOG = LoggerFactory.getLogger(Stage.class);
    /** A claims record is cut here, well below Kafka's default 1 MB request and message limits. */
    static final int MAX_CLAIMS_BYTES = 256 * 1024;

    final ServiceSettings settings;
    final String name;
    final AtomicReference<StreamEngine.State> state = new AtomicReference<>(StreamEngine.State.STARTING);
    final AtomicReference<String> lastError = new AtomicReference<>();
    final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    volatile boolean running;
    volatile long lastLoopNanos = System.nanoTime();
    KafkaProducer<String, byte[]> producer;
    private final SettledPartitions settled = new SettledPartitions();
    private Thread thread;

    Stage(ServiceSettings settings, String name) {
        this.settings = settings;
        this.name = name;
    }

    /** Creates the clients (and catches up where needed); called again after a failure. */
    abstract void open();

    /** One turn of the loop. */
    abstract void turn();

    /** Everything done so far acknowledged and committed. */
    abstract void commit();

    /** Closes the clients, forgetting what was not committed. */
    abstract void closeClients();

    synchronized void start() {
        if (running) return;
        running = true;
        thread = Thread.ofPlatform().name("semid-" + name).start(this::run);
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run() {
        long backoffMs = 500;
        while (running) {
            try {
                state.set(StreamEngine.State.STARTING);
                open();
                state.set(StreamEngine.State.RUNNING);
                lastError.set(null);
                while (running) {
                    lastLoopNanos = System.nanoTime();
                    turn();
                    Exception failed = sendFailure.get();
                    if (failed != null) throw new IllegalStateException("Kafka did not acknowledge a record: " + failed, failed);
                }
                commit();
                backoffMs = 500;
            } catch (RuntimeException e) {
                if (!running) break;
                lastError.set(e.toString());
                state.set(StreamEngine.State.RESTARTING);
                LOG.error("{} stage failed; restarting from the committed state in {} ms", name, backoffMs, e);
                close();
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 30_000);
                continue;
            }
            break;
        }
        close();
        state.set(StreamEngine.State.STOPPED);
    }

    private void close() {
        try {
            closeClients();
        } catch (RuntimeException e) {
            LOG.debug("closing {}: {}", name, e.toString());
        }
        try {
            if (producer != null) producer.close();
        } catch (RuntimeException e) {
            LOG.debug("closing {} producer: {}", name, e.toString());
        }
        producer = null;
        settled.clear();
        sendFailure.set(null);
    }

    /** Sends through the stage's producer, in order per partition from the producer's first write ({@link SettledPartitions}). */
    void send(ProducerRecord<String, byte[]> r, Callback done) {
        settled.send(producer, r, done, this::flush);
    }

    /** Flushes the producer; throws if anything sent was not acknowledged. */
    void flush() {
        producer.flush();
        Exception failed = sendFailure.get();
        if (failed != null) throw new IllegalStateException("Kafka did not acknowledge a record: " + failed, failed);
    }

    /** Sends claims to their claims partition, in records cut below {@link #MAX_CLAIMS_BYTES}. */
    void sendClaims(int partition, List<Claim> claims) {
        int from = 0, bytes = 0;
        for (int i = 0; i < claims.size(); i++) {
            int b = Codec.claimBytes(claims.get(i));
            if (bytes + b > MAX_CLAIMS_BYTES && i > from) {
                sendClaimsRecord(partition, claims.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += b;
        }
        if (from < claims.size()) sendClaimsRecord(partition, claims.subList(from, claims.size()));
    }

    private void sendClaimsRecord(int partition, List<Claim> claims) {
        send(new ProducerRecord<>(settings.claimsTopic(), partition, null,
                Codec.claims(claims)), (md, e) -> {
            checkSend(md, e);
            if (e == null) claimsSent(md);
        });
    }

    /** A claims record was acknowledged (on the producer's I/O thread). */
    void claimsSent(RecordMetadata md) {}

    void checkSend(RecordMetadata md, Exception e) {
        if (e != null) sendFailure.compareAndSet(null, e);
    }

    Map<String, Object> common() {
        Map<String, Object> c = new HashMap<>();
        c.put("bootstrap.servers", settings.bootstrapServers());
        return c;
    }

    KafkaProducer<String, byte[]> newProducer() {
        Map<String, Object> p = common();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, settings.lingerMs());
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    Map<String, Object> consumerConfig(String group) {
        Map<String, Object> c = common();
        if (group != null) {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // static membership: a restarted instance takes its partitions back at once
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-" + instanceId() + "-" + name);
            c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        }
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        // a fetch returns at 64 KB or after linger-ms, not at the first record: at a high rate that is
        // a few fetches per linger instead of one per broker round trip, the broker's main cost
        c.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, settings.lingerMs());
        return c;
    }

    /** Stable per index directory: the same instance after a restart, distinct instances beside each other. */
    String instanceId() {
        return Integer.toHexString(settings.index().toAbsolutePath().normalize().toString().hashCode());
    }

    /** Closes a consumer; what closing throws is logged, so that the state after it is cleared whatever happened. */
    static void closeQuietly(org.apache.kafka.clients.consumer.Consumer<?, ?> c) {
        if (c == null) return;
        try {
            c.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a consumer: {}", e.toString());
        }
    }

    boolean due(long lastNanos, long intervalMs) { return System.nanoTime() - lastNanos >= intervalMs * 1_000_000L; }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
