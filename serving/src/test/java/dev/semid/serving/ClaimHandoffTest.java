package dev.semid.serving;

import dev.semid.serving.stream.Claim;
import dev.semid.tokenizer.sid.CodeTuple;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory claims path: who may use it, back-pressure, and what an assigner restart does. */
class ClaimHandoffTest {
    private static ClaimHandoff.Batch batch(int partition) {
        return new ClaimHandoff.Batch(Map.of(partition, List.of(new Claim("a", CodeTuple.of(1, 2, 3), null, false, 0, null, 0))),
                new ClaimHandoff.Ticket(Map.of()));
    }

    @Test void onlyOwnedPartitionsGoInMemoryAndOnlyWhenEnabled() {
        ClaimHandoff on = new ClaimHandoff(true), off = new ClaimHandoff(false);
        List<TopicPartition> owned = List.of(new TopicPartition("c", 1), new TopicPartition("c", 3));
        on.own(owned);
        off.own(owned);
        assertTrue(on.local(1) && on.local(3));
        assertFalse(on.local(0) || on.local(2) || on.local(4));
        assertFalse(off.local(1) || off.local(3), "disabled: every claim through the topic");
        on.own(List.of());
        assertFalse(on.local(1), "revoked");
    }

    @Test void aFullQueueHoldsTheProducerBackUntilItGivesUp() {
        ClaimHandoff h = new ClaimHandoff(true);
        for (int i = 0; i < ClaimHandoff.CAPACITY; i++) assertTrue(h.put(batch(i), () -> true));
        AtomicInteger asked = new AtomicInteger();
        assertFalse(h.put(batch(99), () -> asked.incrementAndGet() < 3), "gives up when told to stop");
        assertEquals(3, asked.get(), "asked again after each wait");
        ClaimHandoff.Batch first = h.poll();
        assertTrue(first.claims().containsKey(0), "first in, first out");
        assertTrue(h.put(batch(100), () -> true), "room again");
    }

    @Test void anAssignerRestartDropsWhatWaitsAndChangesTheEpoch() {
        ClaimHandoff h = new ClaimHandoff(true);
        h.own(List.of(new TopicPartition("c", 0)));
        ClaimHandoff.Batch b = batch(0);
        h.put(b, () -> true);
        h.read(0, 42);
        long before = h.epoch();
        h.reset();
        assertNotEquals(before, h.epoch(), "tokenize threads see it and read from their committed offsets again");
        assertNull(h.poll(), "the waiting batch is dropped");
        assertFalse(h.local(0), "nothing owned until the assigner has partitions again");
        assertEquals(0, h.read(0), "the next assigner's reading starts over");
        assertFalse(b.ticket().durable(), "so nothing past it is committed");
        ClaimHandoff.Batch c = batch(0);
        h.put(c, () -> true);
        assertSame(c, h.poll());
    }
}
