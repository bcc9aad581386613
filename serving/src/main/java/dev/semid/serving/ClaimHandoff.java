package dev.semid.serving;

import dev.semid.serving.stream.Claim;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The in-memory path for claims whose code tuple this instance's assigner owns: a tokenize thread
 * hands them over here instead of producing them to the claims topic and the assigner reading them
 * back, which spares two broker requests, an encode, a decode and a hop of latency per batch. The
 * claims topic stays the path to other instances, and the one partition owner per tuple is still
 * the one that hands out its tokens.
 * <p>
 * Delivery: a tokenize thread may commit input offsets past a handed-over batch only once its
 * {@link Ticket} is durable, i.e. after an index commit (and an output flush) that covers it; it
 * commits up to the first ticket that is not. If the assigner restarts, what it had taken but not
 * committed is gone: the {@link #epoch} changes, and the tokenize threads restart from their
 * committed offsets, so those items are read again.
 */
final class ClaimHandoff {
    /** Batches waiting at most; a tokenize thread waits beyond (back-pressure). */
    static final int CAPACITY = 16;

    /** A handed-over batch, durable once an index commit covers it. */
    static final class Ticket {
        /** The tokenize thread's input positions before the poll this batch came from. */
        final Map<TopicPartition, OffsetAndMetadata> before;
        private volatile boolean durable;

        Ticket(Map<TopicPartition, OffsetAndMetadata> before) { this.before = before; }

        boolean durable() { return durable; }

        void markDurable() { durable = true; }
    }

    /** Claims by claims partition, from one poll of one tokenize thread. */
    record Batch(Map<Integer, List<Claim>> claims, Ticket ticket) {}

    private final boolean enabled;
    private final ArrayBlockingQueue<Batch> queue = new ArrayBlockingQueue<>(CAPACITY);
    /** Claims partitions the assigner owns now (replaced whole, never changed in place). */
    private volatile BitSet owned = new BitSet();
    private volatile long epoch;
    /** Per claims partition, the offset after the last claims record the assigner has read from the topic. */
    private final java.util.concurrent.ConcurrentHashMap<Integer, Long> read = new java.util.concurrent.ConcurrentHashMap<>();

    ClaimHandoff(boolean enabled) { this.enabled = enabled; }

    /** True if claims of this partition may be handed over in memory now (the assigner checks again when it takes them). */
    boolean local(int partition) { return enabled && owned.get(partition); }

    /** Called by the assigner when its claims partitions change. */
    void own(Collection<TopicPartition> partitions) {
        BitSet b = new BitSet();
        for (TopicPartition tp : partitions) b.set(tp.partition());
        owned = b;
    }

    /**
     * Hands a batch over, waiting while the queue is full; gives up (false) when {@code go} turns
     * false, and then the batch's ticket never becomes durable: its items are read again.
     */
    boolean put(Batch b, BooleanSupplier go) {
        try {
            while (go.getAsBoolean()) if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The next batch, or null. */
    Batch poll() { return queue.poll(); }

    /** The assigner restarts: nothing is owned, the waiting batches and read positions are dropped, and tokenize threads must read again. */
    void reset() {
        owned = new BitSet();
        queue.clear();
        read.clear(); // the next assigner reads from the committed offsets again: what this one read does not count
        epoch++;
    }

    /**
     * Called by the assigner for each claims record it reads, before it takes the batches handed
     * over since: a tokenize thread that sent a partition's claims to the topic hands over that
     * partition's next claims only once the assigner has read past them, so that a tuple's items
     * are still numbered in arrival order when the path changes (see {@link TokenizeStage}).
     */
    void read(int partition, long nextOffset) { read.merge(partition, nextOffset, Math::max); }

    /** The offset after the last claims record of this partition the assigner has read (0 = none). */
    long read(int partition) { return read.getOrDefault(partition, 0L); }

    /** Changes when the assigner restarts (see {@link #reset}). */
    long epoch() { return epoch; }
}
