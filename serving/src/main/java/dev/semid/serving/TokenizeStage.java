package dev.semid.serving;

import dev.semid.serving.stream.BadItemException;
import dev.semid.serving.stream.Claim;
import dev.semid.serving.stream.Item;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.serving.stream.Topics;
import dev.semid.tokenizer.Encoding;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.sid.CodeTuple;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Items → claims (group {@code <group>-tokenize}): decode, send bad messages to the dead-letter
 * topic with the reason and source offset in headers, encode the rest in one batch with the
 * {@code Tokenizer}, and pass the claims on grouped by claims partition: those of partitions this
 * instance's assigner owns in memory ({@link ClaimHandoff}), the others to the claims topic, one
 * record per partition and poll (split below {@link #MAX_CLAIMS_BYTES}). A claim's partition is its
 * code tuple's, {@code murmur2("12-201-7") mod partitions}, as for a record keyed by the tuple
 * ({@link CodeTuple#partitionKey()}). The
 * input offsets are committed after a flush has every claim sent and dead letter acknowledged,
 * and only up to the first batch handed over in memory that is not yet in an index commit.
 */
final class TokenizeStage extends Stage {
    private static final Logger LOG = LoggerFactory.getLogger(TokenizeStage.class);
    /** How long a synchronous commit waits for the batches handed over in memory to be durable. */
    private static final long HANDOFF_WAIT_NANOS = 10_000_000_000L;
    /** How long a tokenize thread waits for the assigner to read the claims it sent through the topic before it hands over in memory. */
    private static final long TOPIC_READ_WAIT_NANOS = 1_000_000_000L;

    private final SemidRuntime runtime;
    private final StreamMetrics metrics;
    private final ItemDecoder decoder;
    private final ClaimHandoff handoff;
    /** Input positions after every record read (cumulative until partitions are revoked). */
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    /** Batches handed over in memory, oldest first, until they are durable. */
    private final java.util.ArrayDeque<ClaimHandoff.Ticket> tickets = new java.util.ArrayDeque<>();
    private Map<TopicPartition, OffsetAndMetadata> committed = Map.of();
    /** Per claims partition, the offset of the last claims record this thread sent to the topic that the assigner here may not have read. */
    private final Map<Integer, Long> sentToTopic = new java.util.concurrent.ConcurrentHashMap<>();
    /** The hand-over's epoch when this stage opened: a change means the assigner lost what it was handed. */
    private long epoch;
    private KafkaConsumer<String, ByteBuffer> items;
    /** Set while the consumer closes: the revoke listener then commits nothing. */
    private boolean closing;
    private volatile int partitions;
    private long lastCommitNanos, lastLagNanos;

    TokenizeStage(ServiceSettings settings, SemidRuntime runtime, StreamMetrics metrics, ClaimHandoff handoff, int thread) {
        super(settings, "tokenize-" + thread);
        this.handoff = handoff;
        this.runtime = runtime;
        this.metrics = metrics;
        this.decoder = new ItemDecoder(runtime.model().inputDim(), settings.maxItemBytes());
    }

    int partitions() { return partitions; }

    @Override void open() {
        Topics.ensure(common(), settings.partitions(), settings.replication(), settings.inputTopic(), settings.claimsTopic(),
                settings.outputTopic(), settings.deadLetterTopic());
        epoch = handoff.epoch();
        producer = newProducer();
        items = new KafkaConsumer<>(consumerConfig(settings.group() + "-tokenize"), new StringDeserializer(), new ByteBufferDeserializer()); // values stay in the fetch buffer until decoded
        items.subscribe(List.of(settings.inputTopic()), new ConsumerRebalanceListener() {
            @Override public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                // what was read from them is acknowledged and committed before another instance takes them; not while
                // closing (a clean stop has committed, and after a failure what is not committed is read again)
                if (!closing) commit();
                partitions = 0;
            }

            @Override public void onPartitionsAssigned(Collection<TopicPartition> parts) { partitions = items.assignment().size(); }
        });
        lastCommitNanos = System.nanoTime();
    }

    @Override void turn() {
        if (handoff.epoch() != epoch)
            throw new IllegalStateException("the assigner restarted and lost claims handed over in memory: reading from the committed offsets again");
        ConsumerRecords<String, ByteBuffer> in = items.poll(Duration.ofMillis(Math.max(1, settings.lingerMs())));
        if (!in.isEmpty()) {
            long t0 = System.nanoTime();
            tokenize(in);
            metrics.tokenizeBatch.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        if ((!pending.isEmpty() || !tickets.isEmpty()) && due(lastCommitNanos, settings.commitIntervalMs())) commit(false);
        if (due(lastLagNanos, 1000)) {
            metrics.lag.put(name, lag());
            lastLagNanos = System.nanoTime();
        }
    }

    private void tokenize(ConsumerRecords<String, ByteBuffer> records) {
        metrics.batchSize.record(records.count());
        Map<TopicPartition, OffsetAndMetadata> before = new HashMap<>(pending);
        List<Item> good = new ArrayList<>(records.count());
        List<Long> timestamps = new ArrayList<>(records.count());
        int d = runtime.model().inputDim();
        float[] rows = new float[records.count() * d]; // the batch: each good item decoded straight into its row
        for (ConsumerRecord<String, ByteBuffer> r : records) {
            pending.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            try {
                good.add(decoder.decode(r.key(), r.value(), header(r, "content-type"), rows, good.size() * d));
                timestamps.add(r.timestamp());
            } catch (BadItemException e) {
                deadLetter(r, e.getMessage());
            }
        }
        if (good.isEmpty()) return;
        Matrix x = new Matrix(good.size(), d, good.size() == records.count() ? rows : Arrays.copyOf(rows, good.size() * d));
        long t0 = System.nanoTime();
        Encoding e = runtime.tokenizer().encode(x, false); // the latents too: claims carry them, to spill from a full tuple
        int[][] codes = e.codes();
        metrics.encodeBatch.record(System.nanoTime() - t0, java.util.concurrent.TimeUnit.NANOSECONDS);
        metrics.drift.tokenized(codes, e.latent(), e.quantized());
        int partitions = producer.partitionsFor(settings.claimsTopic()).size();
        Map<Integer, List<Claim>> local = new HashMap<>(), remote = new HashMap<>();
        Map<Integer, Boolean> inMemory = new HashMap<>(); // decided once per partition and poll
        for (int i = 0; i < good.size(); i++) {
            Item it = good.get(i);
            CodeTuple tuple = CodeTuple.of(codes[i]);
            int p = partitionOf(tuple, partitions);
            (inMemory.computeIfAbsent(p, this::inMemory) ? local : remote).computeIfAbsent(p, k -> new ArrayList<>())
                    .add(new Claim(it.id(), tuple, it.payload(), it.retokenize(), timestamps.get(i), e.latent().row(i), 0));
        }
        remote.forEach(this::sendClaims);
        if (!local.isEmpty()) {
            ClaimHandoff.Ticket t = new ClaimHandoff.Ticket(before);
            tickets.add(t); // if the hand-over fails, it is never durable: nothing past it is committed
            if (handoff.put(new ClaimHandoff.Batch(local, t), () -> running && handoff.epoch() == epoch))
                metrics.handedOver.increment(local.values().stream().mapToInt(List::size).sum());
        }
        metrics.tokenized.increment(good.size());
    }

    /**
     * True if this poll's claims of claims partition {@code p} go to the assigner in memory: it
     * owns the partition, and it has read every claims record this thread sent to it through the
     * topic (waiting for that a while, else the topic once more). Without the wait, the first
     * claims handed over after the assigner takes a partition would overtake those still in the
     * topic, and a tuple's items would not be numbered in arrival order.
     */
    private boolean inMemory(int p) {
        if (!handoff.local(p)) return false;
        if (!sentToTopic.containsKey(p)) return true;
        flush(); // every claims record sent so far acknowledged: its offset known
        long last = sentToTopic.get(p), deadline = System.nanoTime() + TOPIC_READ_WAIT_NANOS;
        while (handoff.read(p) <= last) {
            if (!running || handoff.epoch() != epoch || System.nanoTime() > deadline) return false;
            sleep(2);
        }
        sentToTopic.remove(p);
        return true;
    }

    @Override void claimsSent(RecordMetadata md) { sentToTopic.merge(md.partition(), md.offset(), Math::max); }

    /** The claims partition of a code tuple: Kafka's default partitioner's for the key "12-201-7". */
    static int partitionOf(CodeTuple tuple, int partitions) {
        return Topics.partitionOf(tuple.partitionKey(), partitions);
    }

    private void deadLetter(ConsumerRecord<String, ByteBuffer> r, String reason) {
        metrics.deadLetters.increment();
        RecordHeaders h = new RecordHeaders();
        for (Header x : r.headers()) h.add(x);
        h.add("semid.error", reason.getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.topic", r.topic().getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
        h.add("semid.source.offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
        LOG.warn("dead letter {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
        send(new ProducerRecord<>(settings.deadLetterTopic(), null, r.key(), r.value() == null ? null : ItemDecoder.bytes(r.value()), h), this::checkSend);
    }

    private static String header(ConsumerRecord<String, ByteBuffer> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Override void commit() { commit(true); }

    /**
     * Flush (every claim sent and dead letter acknowledged), then the input offsets up to the first
     * batch handed over in memory that no index commit covers yet: periodically without waiting (a
     * lost commit only re-delivers items, which get the IDs they have), synchronously, after
     * waiting a while for the hand-overs, before partitions go to another instance and on the way out.
     */
    private void commit(boolean sync) {
        if (producer == null || items == null) return;
        flush();
        long deadline = System.nanoTime() + HANDOFF_WAIT_NANOS;
        while (sync && !tickets.isEmpty() && !tickets.peekLast().durable() && System.nanoTime() < deadline
                && handoff.epoch() == epoch) sleep(5);
        while (!tickets.isEmpty() && tickets.peek().durable()) tickets.poll();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(tickets.isEmpty() ? pending : tickets.peek().before);
        if (!offsets.isEmpty() && !offsets.equals(committed)) {
            if (sync) items.commitSync(offsets);
            else items.commitAsync(offsets, (o, e) -> {
                if (e != null) LOG.warn("input offsets not committed (the items will be re-delivered): {}", e.toString());
            });
            committed = offsets;
        }
        if (sync) { // what is not committed now is read again by whoever gets the partitions
            pending.clear();
            tickets.clear();
            committed = Map.of();
        }
        lastCommitNanos = System.nanoTime();
    }

    private long lag() {
        var parts = items.assignment();
        if (parts.isEmpty()) return 0;
        long lag = 0;
        for (var e : items.endOffsets(parts).entrySet()) lag += Math.max(0, e.getValue() - items.position(e.getKey()));
        return lag;
    }

    @Override void closeClients() {
        closing = true;
        try {
            closeQuietly(items);
        } finally { // whatever closing threw: a stale ticket would hold the offsets back for good
            items = null;
            pending.clear();
            tickets.clear();
            committed = Map.of();
            partitions = 0;
            closing = false;
        }
    }
}
