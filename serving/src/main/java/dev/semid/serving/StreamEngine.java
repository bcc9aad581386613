package dev.semid.serving;

import dev.semid.serving.stream.BadItemException;
import dev.semid.serving.stream.Claim;
import dev.semid.serving.stream.ClaimResolver;
import dev.semid.serving.stream.Codec;
import dev.semid.serving.stream.Item;
import dev.semid.serving.stream.RecentAssignments;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.serving.stream.Topics;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.index.SidEntry;
import dev.semid.tokenizer.index.SidIndexWriter;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The stream, on one thread, in three roles per loop:
 * <ol>
 *   <li><b>tokenize</b> (group {@code <group>-tokenize}, topic {@code items}): decode, send bad
 *       messages to the dead-letter topic with the reason and source offset in headers, encode the
 *       rest in one batch, send each item's claim to the claims topic keyed by its code tuple; commit
 *       the input offsets once the claims are acknowledged;</li>
 *   <li><b>assign</b> (group {@code <group>-assign}, topic claims): the owner of a claims partition is
 *       the only instance giving tokens to its tuples, so IDs stay unique across instances
 *       ({@link ClaimResolver}); upsert the index, publish {id, sid, model} to the compacted output
 *       topic and wait for the acknowledgements; the claims offsets are committed only after the
 *       index commit that follows (every {@code commit-interval-ms}) — a crash in between re-delivers
 *       claims, and the index gives re-delivered items the IDs they already had;</li>
 *   <li><b>materialize</b> (every partition of the output topic, no group): apply the IDs that other
 *       instances published, so every instance's index is the whole table; its positions are stored
 *       in the index commit and resumed from on restart.</li>
 * </ol>
 * Before taking over claims partitions, the assigner reads the output topic to its end, so it
 * knows every token the previous owner handed out. Failures of Kafka or the index restart the
 * loop from the committed state after a back-off; bad messages never stop it.
 */
@Singleton
public final class StreamEngine {
    private static final Logger LOG = LoggerFactory.getLogger(StreamEngine.class);
    private static final String OUT_OFFSET = "out.";

    public enum State { STARTING, CATCHING_UP, RUNNING, RESTARTING, STOPPED }

    private final ServiceSettings settings;
    private final SemidRuntime runtime;
    private final StreamMetrics metrics;
    private final ItemDecoder decoder;
    private final ClaimResolver resolver;
    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile boolean running;
    private volatile long lastLoopNanos = System.nanoTime();
    private volatile int claimPartitions, itemPartitions;
    private Thread thread;

    // owned by the stream thread
    private KafkaConsumer<String, byte[]> items, claims, outputs;
    private KafkaProducer<String, byte[]> producer;
    private final Map<TopicPartition, OffsetAndMetadata> pendingItems = new HashMap<>(), pendingClaims = new HashMap<>();
    private final RecentAssignments recent = new RecentAssignments();
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private boolean indexDirty;
    private long lastCommitNanos, lastRefreshNanos, lastLagNanos;

    StreamEngine(ServiceSettings settings, SemidRuntime runtime, StreamMetrics metrics) {
        this.settings = settings;
        this.runtime = runtime;
        this.metrics = metrics;
        this.decoder = new ItemDecoder(runtime.model().inputDim(), settings.maxItemBytes());
        this.resolver = new ClaimResolver(new SemanticIdAssigner(), settings.retokenize());
    }

    @EventListener
    void onStartup(StartupEvent e) { start(); }

    @EventListener
    void onShutdown(ShutdownEvent e) { stop(); }

    public synchronized void start() {
        if (running) return;
        running = true;
        thread = Thread.ofPlatform().name("semid-stream").start(this::run);
    }

    @PreDestroy
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
        state.set(State.STOPPED);
    }

    public State state() { return state.get(); }

    public String lastError() { return lastError.get(); }

    /** Claims partitions this instance owns now: the code tuples it hands tokens out for. */
    public int claimPartitions() { return claimPartitions; }

    /** Input partitions this instance consumes now. */
    public int itemPartitions() { return itemPartitions; }

    /** Seconds since the stream thread last went round its loop. */
    public double secondsSinceLastLoop() { return (System.nanoTime() - lastLoopNanos) / 1e9; }

    private void run() {
        long backoffMs = 500;
        while (running) {
            try {
                open();
                loop();
                backoffMs = 500;
            } catch (RuntimeException e) {
                if (!running) break;
                lastError.set(e.toString());
                state.set(State.RESTARTING);
                LOG.error("stream failed; restarting from the committed state in {} ms", backoffMs, e);
                closeQuietly();
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 30_000);
                continue;
            }
            break;
        }
        try {
            if (producer != null) commitNow();
        } catch (RuntimeException e) {
            LOG.warn("final commit failed (the committed state stays valid): {}", e.toString());
        }
        closeQuietly();
        state.set(State.STOPPED);
    }

    private void open() {
        Map<String, Object> common = new HashMap<>();
        common.put("bootstrap.servers", settings.bootstrapServers());
        Topics.ensure(common, settings.partitions(), settings.replication(), settings.inputTopic(), settings.claimsTopic(),
                settings.outputTopic(), settings.deadLetterTopic());
        producer = new KafkaProducer<>(producerConfig(common), new StringSerializer(), new ByteArraySerializer());
        outputs = new KafkaConsumer<>(consumerConfig(common, null), new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> outParts = outputs.partitionsFor(settings.outputTopic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        outputs.assign(outParts);
        Map<String, String> resume = runtime.index().committedUserData();
        for (TopicPartition tp : outParts) {
            String at = resume.get(OUT_OFFSET + tp.partition());
            if (at != null) outputs.seek(tp, Long.parseLong(at));
            else outputs.seekToBeginning(List.of(tp));
        }
        state.set(State.CATCHING_UP);
        catchUp();
        items = new KafkaConsumer<>(consumerConfig(common, settings.group() + "-tokenize"), new StringDeserializer(), new ByteArrayDeserializer());
        claims = new KafkaConsumer<>(consumerConfig(common, settings.group() + "-assign"), new StringDeserializer(), new ByteArrayDeserializer());
        items.subscribe(List.of(settings.inputTopic()), new ConsumerRebalanceListener() {
            @Override public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commitNow(); // what was consumed from them is acknowledged and committed before another instance takes them
                itemPartitions = 0;
            }

            @Override public void onPartitionsAssigned(Collection<TopicPartition> partitions) { itemPartitions = items.assignment().size(); }
        });
        claims.subscribe(List.of(settings.claimsTopic()), new ConsumerRebalanceListener() {
            @Override public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                commitNow();
                claimPartitions = 0;
            }

            @Override public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                if (!partitions.isEmpty()) catchUp(); // every token the previous owner handed out is in the output topic
                claimPartitions = claims.assignment().size();
            }
        });
        lastCommitNanos = System.nanoTime();
        state.set(State.RUNNING);
        lastError.set(null);
    }

    private Map<String, Object> consumerConfig(Map<String, Object> common, String group) {
        Map<String, Object> c = new HashMap<>(common);
        if (group != null) {
            c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            // static membership: a restarted instance takes its partitions back at once
            c.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, group + "-" + instanceId());
            c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 1_000);
        }
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.batchSize());
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, settings.lingerMs());
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return c;
    }

    private Map<String, Object> producerConfig(Map<String, Object> common) {
        Map<String, Object> p = new HashMap<>(common);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return p;
    }

    /** Stable per index directory: the same instance after a restart, distinct instances beside each other. */
    private String instanceId() {
        String dir = settings.index().toAbsolutePath().normalize().toString();
        return Integer.toHexString(dir.hashCode());
    }

    private void loop() {
        while (running) {
            lastLoopNanos = System.nanoTime();
            materialize(outputs.poll(Duration.ZERO));
            ConsumerRecords<String, byte[]> in = items.poll(Duration.ofMillis(Math.max(1, settings.lingerMs())));
            if (!in.isEmpty()) tokenize(in);
            ConsumerRecords<String, byte[]> cl = claims.poll(Duration.ZERO);
            if (!cl.isEmpty()) assign(cl);
            Exception failed = sendFailure.get();
            if (failed != null) throw new IllegalStateException("Kafka did not acknowledge a record: " + failed, failed);
            long now = System.nanoTime();
            boolean pending = indexDirty || !pendingClaims.isEmpty() || !pendingItems.isEmpty();
            if (pending && now - lastCommitNanos >= settings.commitIntervalMs() * 1_000_000L) commitNow();
            else if (!recent.isEmpty() && now - lastRefreshNanos >= settings.refreshIntervalMs() * 1_000_000L) refresh();
            if (now - lastLagNanos > 1_000_000_000L) {
                metrics.lag.set(lag(items));
                lastLagNanos = now;
            }
        }
    }

    /** Makes what this instance wrote visible to readers (HTTP) and to the index view of the next batches. */
    private void refresh() {
        long t0 = System.nanoTime();
        runtime.index().refresh();
        metrics.refresh.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        recent.clear();
        lastRefreshNanos = System.nanoTime();
    }

    // --- tokenize: items → claims (bad ones → dead letters) ---

    private void tokenize(ConsumerRecords<String, byte[]> records) {
        metrics.batchSize.record(records.count());
        List<Item> good = new ArrayList<>(records.count());
        List<Long> timestamps = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            pendingItems.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                good.add(decoder.decode(r.key(), r.value(), header(r, "content-type")));
                timestamps.add(r.timestamp());
            } catch (BadItemException e) {
                deadLetter(r, e.getMessage());
            }
        }
        if (!good.isEmpty()) {
            int d = runtime.model().inputDim();
            Matrix x = Matrix.zeros(good.size(), d);
            for (int i = 0; i < good.size(); i++) System.arraycopy(good.get(i).embedding(), 0, x.data(), i * d, d);
            int[][] codes = runtime.tokenizer().codes(x);
            for (int i = 0; i < good.size(); i++) {
                Item it = good.get(i);
                Claim c = new Claim(it.id(), codes[i], it.payload(), it.retokenize(), timestamps.get(i));
                producer.send(new ProducerRecord<>(settings.claimsTopic(), tuple(codes[i]), Codec.claim(c)), this::checkSend);
                metrics.recent.add(codes[i]);
            }
            metrics.tokenized.increment(good.size());
        }
        // the input offsets are committed with the next commit, after a flush has the claims acknowledged
    }

    private void checkSend(org.apache.kafka.clients.producer.RecordMetadata md, Exception e) {
        if (e != null) sendFailure.compareAndSet(null, e);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
        metrics.deadLetters.increment();
        RecordHeaders h = new RecordHeaders();
        for (Header x : r.headers()) h.add(x);
        h.add("semid.error", reason.getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.topic", r.topic().getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        LOG.warn("dead letter {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
        producer.send(new ProducerRecord<>(settings.deadLetterTopic(), null, r.key(), r.value(), h), this::checkSend);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String tuple(int[] codes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.length; i++) {
            if (i > 0) sb.append('-');
            sb.append(codes[i]);
        }
        return sb.toString();
    }

    // --- assign: claims → IDs → index + output topic ---

    private void assign(ConsumerRecords<String, byte[]> records) {
        List<Claim> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> r : records) {
            pendingClaims.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                batch.add(Codec.claim(r.value()));
            } catch (IllegalArgumentException e) { // not ours to stop on: a claim we cannot read is a dead letter too
                deadLetter(r, "unreadable claim: " + e.getMessage());
            }
        }
        SidIndexWriter index = runtime.index();
        List<ClaimResolver.Resolved> resolved = index.read(l -> resolver.resolve(batch, recent.over(l)));
        Map<String, SidEntry> changes = new LinkedHashMap<>();
        for (ClaimResolver.Resolved r : resolved)
            if (r.changed()) changes.put(r.claim().id(), new SidEntry(r.claim().id(), r.sid(), r.claim().payload()));
        if (!changes.isEmpty()) {
            index.upsertTrusted(new ArrayList<>(changes.values()));
            changes.values().forEach(e -> recent.record(e.itemId(), e.sid()));
            indexDirty = true;
        }
        for (ClaimResolver.Resolved r : resolved) {
            Claim c = r.claim();
            byte[] value = Codec.output(c.id(), r.sid(), runtime.fingerprint(), c.payload());
            long ts = c.sourceTimestamp();
            producer.send(new ProducerRecord<>(settings.outputTopic(), c.id(), value), (md, ex) -> {
                if (ex != null) sendFailure.compareAndSet(null, ex);
                else if (ts > 0) metrics.latency.record(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - ts)));
            });
            (r.changed() ? metrics.assigned : metrics.reused).increment();
        }
        // the claims offsets are committed after the next index commit, once a flush has the IDs acknowledged
    }

    // --- materialize: the output topic → the index ---

    private void materialize(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) return;
        SidIndexWriter index = runtime.index();
        Map<String, SidEntry> upserts = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        String fp = runtime.fingerprint();
        index.read(l -> {
            for (ConsumerRecord<String, byte[]> r : records) {
                if (r.value() == null) {
                    upserts.remove(r.key());
                    deletes.add(r.key());
                    continue;
                }
                Codec.Output o;
                try {
                    o = Codec.output(r.value());
                } catch (IllegalArgumentException e) {
                    LOG.warn("skipping unreadable output record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    continue;
                }
                if (!fp.equals(o.model())) continue; // an ID of another model means nothing here
                if (recent.has(o.id(), o.sid())) continue; // our own, just written
                SemanticId have = l.item(o.id()).map(SidEntry::sid).orElse(null);
                if (o.sid().equals(have) && !upserts.containsKey(o.id()) && !deletes.contains(o.id())) continue; // already applied
                deletes.remove(o.id());
                upserts.put(o.id(), new SidEntry(o.id(), o.sid(), o.payload()));
            }
            return null;
        });
        if (deletes.isEmpty() && upserts.isEmpty()) return;
        if (!deletes.isEmpty()) index.delete(deletes);
        if (!upserts.isEmpty()) {
            index.upsertReplacing(new ArrayList<>(upserts.values())); // refreshes the view first: recent writes are in it
            metrics.materialized.increment(upserts.size());
        }
        refresh();
        indexDirty = true;
    }

    /** Reads the output topic up to its current end. */
    private void catchUp() {
        Map<TopicPartition, Long> end = outputs.endOffsets(outputs.assignment());
        while (running) {
            boolean done = true;
            for (var e : end.entrySet()) if (outputs.position(e.getKey()) < e.getValue()) done = false;
            if (done) break;
            materialize(outputs.poll(Duration.ofMillis(100)));
        }
        runtime.index().refresh();
    }

    /**
     * Flush (every claim and ID acknowledged), index commit with the output positions, then the
     * input and claims offsets that they cover.
     */
    private void commitNow() {
        long t0 = System.nanoTime();
        producer.flush();
        Exception failed = sendFailure.get();
        if (failed != null) throw new IllegalStateException("Kafka did not acknowledge a record: " + failed, failed);
        Map<String, String> data = new HashMap<>();
        for (TopicPartition tp : outputs.assignment()) data.put(OUT_OFFSET + tp.partition(), Long.toString(outputs.position(tp)));
        runtime.index().commit(data); // also refreshes the view
        recent.clear();
        lastRefreshNanos = System.nanoTime();
        indexDirty = false;
        if (!pendingItems.isEmpty()) {
            items.commitSync(new HashMap<>(pendingItems));
            pendingItems.clear();
        }
        if (!pendingClaims.isEmpty()) {
            claims.commitSync(new HashMap<>(pendingClaims));
            pendingClaims.clear();
        }
        lastCommitNanos = System.nanoTime();
        metrics.commit.record(lastCommitNanos - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private static long lag(KafkaConsumer<String, byte[]> c) {
        var parts = c.assignment();
        if (parts.isEmpty()) return 0;
        long lag = 0;
        for (var e : c.endOffsets(parts).entrySet()) lag += Math.max(0, e.getValue() - c.position(e.getKey()));
        return lag;
    }

    private void closeQuietly() {
        for (AutoCloseable c : new AutoCloseable[] {items, claims, outputs, producer}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                LOG.debug("closing: {}", e.toString());
            }
        }
        items = claims = outputs = null;
        producer = null;
        pendingItems.clear();
        pendingClaims.clear();
        recent.clear();
        sendFailure.set(null);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
