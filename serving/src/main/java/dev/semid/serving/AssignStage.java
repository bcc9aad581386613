package dev.semid.serving;

import dev.semid.serving.stream.Claim;
import dev.semid.serving.stream.ClaimResolver;
import dev.semid.serving.stream.Codec;
import dev.semid.serving.stream.RecentAssignments;
import dev.semid.serving.stream.Topics;
import dev.semid.serving.stream.TupleTokens;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Claims → IDs → index and output topic, and the output topic → index:
 * <ul>
 *   <li><b>assign</b> (group {@code <group>-assign}): the owner of a claims partition alone hands
 *       out the tokens of its tuples ({@link ClaimResolver}, against the index and the IDs written
 *       since its view was last refreshed); upsert the index, publish {id, sid, model}; the claims
 *       offsets are committed after a flush (every ID acknowledged) and the index commit;</li>
 *   <li><b>materialize</b> (every partition of the output topic, no group): apply the IDs other
 *       instances published, so every instance's index holds every item; the positions go into the
 *       index commit and are resumed from.</li>
 * </ul>
 * Before taking over claims partitions, it reads the output topic to its end, so it knows every
 * token the previous owner handed out.
 */
final class AssignStage extends Stage {
    private static final Logger LOG = LoggerFactory.getLogger(AssignStage.class);
    private static final String OUT_OFFSET = "out.";
    /** How long a fetch of the output topic may wait for 64 KB: other instances' IDs reach this index within about this. */
    private static final int MATERIALIZE_WAIT_MS = 100;
    /** Batches of index writes queued at most; the assigning thread waits beyond (back-pressure). */
    private static final int MAX_QUEUED_WRITES = 64;

    private final SemidRuntime runtime;
    private final StreamMetrics metrics;
    private final ClaimResolver resolver;
    private final ClaimHandoff handoff;
    private final StreamProbe probe;
    /** Batches handed over in memory and resolved since the last commit began: it makes them durable. */
    private List<ClaimHandoff.Ticket> taken = new ArrayList<>();
    private List<ClaimHandoff.Ticket> inflightTickets = List.of();
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final RecentAssignments recent = new RecentAssignments();
    /** Output values this stage published and has not read back yet: reading them back costs no parse and no lookup. */
    private final Map<String, byte[]> published = new HashMap<>();
    private KafkaConsumer<String, byte[]> claims, outputs;
    private volatile int partitions;
    private boolean indexDirty;
    private long lastCommitNanos, lastRefreshNanos;
    /**
     * Index writes run on one thread, in order, and commits on another, so that the assigning
     * thread goes on resolving and publishing while Lucene inverts documents, and writes go on
     * while a commit flushes and syncs. What is written but not yet in the view is in
     * {@link #recent}; a commit first waits for the writes queued before it.
     */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("semid-index-write").unstarted(r));
    private final java.util.concurrent.ExecutorService committer = java.util.concurrent.Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("semid-index-commit").unstarted(r));
    /** Index writes not yet known to be done, oldest first. */
    private final java.util.ArrayDeque<java.util.concurrent.Future<?>> writes = new java.util.ArrayDeque<>();
    /** Set by a failed write: no commit may follow it (it would commit offsets of claims whose IDs are not in the index). */
    private volatile boolean writeFailed;
    /** Set while the clients close: the revoke listener then only lets go of the partitions. */
    private boolean closing;
    private java.util.concurrent.Future<?> inflight;
    private Map<TopicPartition, OffsetAndMetadata> inflightOffsets;
    private long inflightMark, inflightStart;

    AssignStage(ServiceSettings settings, SemidRuntime runtime, StreamMetrics metrics, ClaimHandoff handoff, StreamProbe probe) {
        super(settings, "assign");
        this.probe = probe;
        this.handoff = handoff;
        this.runtime = runtime;
        this.metrics = metrics;
        this.resolver = new ClaimResolver(new SemanticIdAssigner(), runtime.tokenizer().quantizer(), settings.retokenize(),
                new TupleTokens(settings.tokenCacheTuples()));
    }

    int partitions() { return partitions; }

    @Override void open() {
        runtime.reopenIndexIfBroken(); // after a tragic index error the stage restarts here, on a new writer
        Topics.ensure(common(), settings.partitions(), settings.replication(), settings.inputTopic(), settings.claimsTopic(),
                settings.outputTopic(), settings.deadLetterTopic());
        producer = newProducer();
        Map<String, Object> outConfig = consumerConfig(null);
        // nobody waits on these: a single instance reads back only its own records
        outConfig.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, MATERIALIZE_WAIT_MS);
        outputs = new KafkaConsumer<>(outConfig, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> outParts = outputs.partitionsFor(settings.outputTopic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        outputs.assign(outParts);
        Map<String, String> resume = runtime.index().committedUserData();
        for (TopicPartition tp : outParts) {
            String at = resume.get(OUT_OFFSET + tp.partition());
            if (at != null) outputs.seek(tp, Long.parseLong(at));
            else outputs.seekToBeginning(List.of(tp));
        }
        state.set(StreamEngine.State.CATCHING_UP);
        catchUp();
        Map<String, Object> claimsConfig = consumerConfig(settings.group() + "-assign");
        // claims of this instance's own tuples come in memory; the topic carries only other instances'
        // (or none): a fetch returns at the first byte, and waits long when there is nothing
        claimsConfig.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        claimsConfig.put(org.apache.kafka.clients.consumer.ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, MATERIALIZE_WAIT_MS);
        claims = new KafkaConsumer<>(claimsConfig, new StringDeserializer(), new ByteArrayDeserializer());
        claims.subscribe(List.of(settings.claimsTopic()), new ConsumerRebalanceListener() {
            @Override public void onPartitionsRevoked(Collection<TopicPartition> parts) {
                if (closing) { // what was taken and not committed is read again after the restart
                    handoff.own(List.of());
                    partitions = 0;
                    return;
                }
                java.util.Set<TopicPartition> keep = new java.util.HashSet<>(claims.assignment()), mine = new java.util.HashSet<>(keep);
                keep.removeAll(parts);
                mine.addAll(parts);
                handoff.own(keep); // tokenize threads send the revoked partitions' claims to the topic from now on
                List<Claim> batch = new ArrayList<>();
                takeHandedOver(batch, mine); // handed over while they were ours: resolved before they go
                if (!batch.isEmpty()) assign(batch, mine);
                commit();
                resolver.forget(); // another instance may hand out these tuples' tokens from now on
                partitions = 0;
            }

            @Override public void onPartitionsAssigned(Collection<TopicPartition> parts) {
                resolver.forget();
                if (!parts.isEmpty()) catchUp(); // every token the previous owner handed out is in the output topic
                partitions = claims.assignment().size();
                for (TopicPartition tp : parts) handoff.read(tp.partition(), claims.position(tp)); // what came before is not ours to wait for
                handoff.own(claims.assignment());
            }
        });
        lastCommitNanos = lastRefreshNanos = System.nanoTime();
    }

    @Override void turn() {
        materialize(outputs.poll(Duration.ZERO));
        reapWrites(false);
        List<Claim> batch = claims(claims.poll(Duration.ofMillis(Math.max(1, settings.lingerMs()))));
        java.util.Set<TopicPartition> mine = claims.assignment();
        takeHandedOver(batch, mine);
        if (!batch.isEmpty()) {
            long t0 = System.nanoTime();
            assign(batch, mine);
            metrics.assignBatch.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
        }
        finishCommit(false);
        if (inflight == null && (indexDirty || !pending.isEmpty() || !taken.isEmpty()) && due(lastCommitNanos, settings.commitIntervalMs())) startCommit();
        else if (inflight == null && !recent.isEmpty() && due(lastRefreshNanos, settings.refreshIntervalMs())) refresh();
    }

    /**
     * Flush (every ID so far acknowledged), then the index commit with the output positions on the
     * committer thread, after the writes queued before it; the claims offsets it covers are committed when it is done.
     */
    private void startCommit() {
        inflightStart = System.nanoTime();
        flush();
        Map<String, String> data = outputPositions();
        inflightOffsets = new HashMap<>(pending);
        pending.clear();
        inflightTickets = taken;
        taken = new ArrayList<>();
        inflightMark = recent.mark();
        indexDirty = false;
        java.util.concurrent.Future<?> before = writes.peekLast(); // writes run in order: the last one done means all are
        inflight = committer.submit(() -> {
            if (before != null) before.get();
            if (writeFailed) throw new IllegalStateException("an index write failed before this commit");
            runtime.index().commit(data);
            return null;
        });
        lastCommitNanos = System.nanoTime();
    }

    /** Completes an index commit that has finished (or, with {@code wait}, waits for it). */
    private void finishCommit(boolean wait) {
        if (inflight == null || (!wait && !inflight.isDone())) return;
        try {
            inflight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while committing the index", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("index commit failed: " + e.getCause(), e.getCause());
        } finally {
            inflight = null;
        }
        probe.reached(StreamProbe.Point.INDEX_COMMITTED);
        // asynchronous: a lost offset commit only re-delivers claims, which get the IDs they have
        if (!inflightOffsets.isEmpty() && claims != null) claims.commitAsync(inflightOffsets, (offsets, e) -> {
            if (e != null) LOG.warn("claims offsets not committed (they will be re-delivered): {}", e.toString());
        });
        inflightTickets.forEach(ClaimHandoff.Ticket::markDurable);
        inflightTickets = List.of();
        recent.dropUpTo(inflightMark); // the commit refreshed the view: what came before is in it
        lastRefreshNanos = System.nanoTime();
        metrics.commit.record(System.nanoTime() - inflightStart, TimeUnit.NANOSECONDS);
    }

    private Map<String, String> outputPositions() {
        Map<String, String> data = new HashMap<>();
        for (TopicPartition tp : outputs.assignment()) data.put(OUT_OFFSET + tp.partition(), Long.toString(outputs.position(tp)));
        return data;
    }

    /** The claims of these records (their offsets pending until the next commit). */
    private List<Claim> claims(ConsumerRecords<String, byte[]> records) {
        List<Claim> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            pending.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
            handoff.read(r.partition(), r.offset() + 1); // before the batches handed over since are taken: they come after
            try {
                batch.addAll(Codec.claims(r.value()));
            } catch (IllegalArgumentException e) { // written by us, so this is a bug or a foreign writer: say so, go on
                LOG.error("skipping unreadable claims record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
            }
        }
        return batch;
    }

    /**
     * Adds the claims handed over in memory for partitions this stage owns to {@code batch}; the
     * others (their partition was revoked since they were handed over) go to the claims topic, to
     * their new owner.
     */
    private void takeHandedOver(List<Claim> batch, java.util.Set<TopicPartition> mine) {
        for (ClaimHandoff.Batch b; (b = handoff.poll()) != null; ) {
            b.claims().forEach((p, cs) -> {
                if (mine.contains(new TopicPartition(settings.claimsTopic(), p))) batch.addAll(cs);
                else sendClaims(p, cs); // acknowledged by the flush before the commit that makes the ticket durable
            });
            taken.add(b.ticket());
        }
    }

    /**
     * Resolves claims against the index, with the tuples of the claims partitions in {@code mine}
     * as this instance's to hand out; claims that must go on to another partition's tuple (their
     * own was full) are forwarded to it through the claims topic.
     */
    private void assign(List<Claim> batch, java.util.Set<TopicPartition> mine) {
        long now = System.currentTimeMillis();
        for (Claim c : batch)
            if (c.sourceTimestamp() > 0 && c.rank() == 0) metrics.claimAge.record(Math.max(0, now - c.sourceTimestamp()), TimeUnit.MILLISECONDS);
        SidIndexWriter index = runtime.index();
        int claimPartitions = producer.partitionsFor(settings.claimsTopic()).size();
        java.util.BitSet ownedPartitions = new java.util.BitSet(claimPartitions);
        for (TopicPartition tp : mine) ownedPartitions.set(tp.partition());
        java.util.function.Predicate<dev.semid.tokenizer.sid.CodeTuple> owned = t -> ownedPartitions.get(TokenizeStage.partitionOf(t, claimPartitions));
        List<ClaimResolver.Resolved> resolved = index.read(l -> resolver.resolve(batch, recent.over(l), owned));
        Map<String, SidEntry> changes = new LinkedHashMap<>();
        java.util.Set<String> absent = new java.util.HashSet<>(); // items the index does not hold: added without a delete
        Map<Integer, List<Claim>> forwards = new HashMap<>();
        for (ClaimResolver.Resolved r : resolved)
            if (r.changed()) {
                String id = r.claim().id();
                if (r.previous() == null && !changes.containsKey(id)) absent.add(id);
                changes.put(id, new SidEntry(id, r.sid(), r.claim().payload()));
                metrics.drift.assigned(r.sid().tuple(), r.tokensLeft(), r.spilled());
            } else if (r.forwardTo() != null)
                forwards.computeIfAbsent(TokenizeStage.partitionOf(r.forwardTo(), claimPartitions), p -> new ArrayList<>()).add(r.claim());
            else if (r.sid() == null) deadLetter(r.claim(), r.error());
        forwards.forEach(this::sendClaims); // acknowledged by the flush before the commit of the claims they came from
        if (!changes.isEmpty()) {
            List<SidEntry> entries = new ArrayList<>(changes.values());
            entries.forEach(e -> recent.record(e.itemId(), e.sid())); // before the write: the next batch is resolved against them
            write(() -> index.upsertTrusted(entries, absent));
            indexDirty = true;
        }
        for (ClaimResolver.Resolved r : resolved) {
            if (r.sid() == null) continue;
            Claim c = r.claim();
            byte[] value = Codec.output(c.id(), r.sid(), runtime.fingerprint(), c.payload(), r.spilledFrom());
            long ts = c.sourceTimestamp();
            published.put(c.id(), value);
            send(new ProducerRecord<>(settings.outputTopic(), c.id(), value), (md, ex) -> {
                if (ex != null) sendFailure.compareAndSet(null, ex);
                else probe.reached(StreamProbe.Point.OUTPUT_ACKNOWLEDGED);
                if (ex == null && ts > 0) metrics.latency.record(Math.max(0, System.currentTimeMillis() - ts), TimeUnit.MILLISECONDS);
            });
            (r.changed() ? metrics.assigned : metrics.reused).increment();
            if (r.spilled()) metrics.spilled.increment();
        }
    }

    /** Queues an index write behind the ones before it (waiting while too many are queued). */
    private void write(Runnable w) {
        writes.add(writer.submit(() -> {
            try {
                w.run();
            } catch (RuntimeException e) {
                writeFailed = true;
                throw e;
            }
        }));
        while (writes.size() > MAX_QUEUED_WRITES) await(writes.poll());
    }

    /** Takes the writes that are done off the queue (all of them, waiting, with {@code all}); throws if one failed. */
    private void reapWrites(boolean all) {
        while (!writes.isEmpty() && (all || writes.peek().isDone())) await(writes.poll());
    }

    private void await(java.util.concurrent.Future<?> write) {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the index", e);
        } catch (java.util.concurrent.ExecutionException e) {
            resolver.forget(); // the tokens of that batch are not held after all
            throw new IllegalStateException("index write failed: " + e.getCause(), e.getCause());
        }
    }

    /** A claim no ID can be given to (every tuple it may take is full) goes to the dead-letter topic; the stream goes on. */
    private void deadLetter(Claim c, String reason) {
        metrics.deadLetters.increment();
        LOG.warn("dead letter: item '{}' gets no ID: {}", c.id(), reason);
        org.apache.kafka.common.header.internals.RecordHeaders h = new org.apache.kafka.common.header.internals.RecordHeaders();
        h.add("semid.error", reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        h.add("semid.source.topic", settings.claimsTopic().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        send(new ProducerRecord<>(settings.deadLetterTopic(), null, c.id(), Codec.claimJson(c), h), this::checkSend);
    }

    private void materialize(ConsumerRecords<String, byte[]> records) {
        if (records.isEmpty()) return;
        SidIndexWriter index = runtime.index();
        Map<String, SidEntry> upserts = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        String fp = runtime.fingerprint();
        index.read(l -> {
            for (ConsumerRecord<String, byte[]> r : records) {
                byte[] mine = published.remove(r.key());
                if (r.value() == null) {
                    upserts.remove(r.key());
                    deletes.add(r.key());
                    continue;
                }
                if (java.util.Arrays.equals(mine, r.value())) continue; // our own, just written
                Codec.Output o;
                try {
                    o = Codec.output(r.value());
                } catch (IllegalArgumentException e) {
                    LOG.warn("skipping unreadable output record {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.getMessage());
                    continue;
                }
                if (!fp.equals(o.model())) continue; // an ID of another model means nothing here
                resolver.seen(o.id());
                // our own, written again since; unless another's record of the item came in between (two instances gave it an
                // ID, which a spilled item re-delivered as a token frees up can get): the last record must win here as well
                if (recent.has(o.id(), o.sid()) && !upserts.containsKey(o.id())) continue;
                SemanticId have = l.item(o.id()).map(SidEntry::sid).orElse(null);
                if (o.sid().equals(have) && !upserts.containsKey(o.id()) && !deletes.contains(o.id())) continue; // already applied
                deletes.remove(o.id());
                upserts.put(o.id(), new SidEntry(o.id(), o.sid(), o.payload()));
                resolver.invalidate(o.sid().tuple()); // another instance's write: the tuples' tokens are read again
                if (have != null) resolver.invalidate(have.tuple());
            }
            return null;
        });
        if (deletes.isEmpty() && upserts.isEmpty()) return;
        reapWrites(true); // others' writes go in after ours, and the refresh below must not outrun the queue
        if (!deletes.isEmpty()) {
            index.delete(deletes);
            resolver.forget(); // the deleted items' tokens are free: read every tuple again
        }
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
        refresh();
    }

    /** Makes what this stage wrote visible to readers (HTTP) and to the view of the next batches. */
    private void refresh() {
        reapWrites(true); // what is queued must be in the view before the overlay is cleared
        long t0 = System.nanoTime();
        runtime.index().refresh();
        recent.clear();
        lastRefreshNanos = System.nanoTime();
        metrics.refresh.record(lastRefreshNanos - t0, TimeUnit.NANOSECONDS);
    }

    /** Everything so far, synchronously: on revocation of claims partitions and on the way out. */
    @Override void commit() {
        if (producer == null || outputs == null) return;
        finishCommit(true);
        reapWrites(true);
        long t0 = System.nanoTime();
        flush();
        runtime.index().commit(outputPositions()); // also refreshes the view
        probe.reached(StreamProbe.Point.INDEX_COMMITTED);
        taken.forEach(ClaimHandoff.Ticket::markDurable);
        taken = new ArrayList<>();
        recent.clear();
        lastRefreshNanos = System.nanoTime();
        indexDirty = false;
        if (!pending.isEmpty() && claims != null) {
            claims.commitSync(new HashMap<>(pending));
            pending.clear();
        }
        lastCommitNanos = System.nanoTime();
        metrics.commit.record(lastCommitNanos - t0, TimeUnit.NANOSECONDS);
    }

    @Override void closeClients() {
        // closing the claims consumer runs the revoke listener, which must then neither resolve nor commit:
        // after a failure that would commit an index that lacks a failed write, past claims whose IDs it misses
        closing = true;
        try {
            for (var w : writes) { // let queued writes and a running commit end; their claims will be re-delivered
                try {
                    w.get();
                } catch (Exception ignored) {
                    // the stage restarts from the last completed commit either way
                }
            }
            if (inflight != null) {
                try {
                    inflight.get();
                } catch (Exception ignored) {
                    // as above
                }
            }
            handoff.reset(); // what was handed over and not committed is lost: the tokenize threads read it again
            closeQuietly(claims);
            closeQuietly(outputs);
        } finally { // whatever closing threw: nothing this stage held uncommitted may outlive it (a stale "published" would skip a record)
            writes.clear();
            inflight = null;
            writeFailed = false;
            taken = new ArrayList<>();
            inflightTickets = List.of();
            claims = outputs = null;
            pending.clear();
            recent.clear();
            published.clear();
            resolver.forget();
            partitions = 0;
            closing = false;
        }
    }
}
