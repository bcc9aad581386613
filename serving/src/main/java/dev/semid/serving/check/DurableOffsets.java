package dev.semid.serving.check;

import dev.semid.index.SidIndexReader;
import dev.semid.serving.stream.BadItemException;
import dev.semid.serving.stream.Claim;
import dev.semid.serving.stream.Codec;
import dev.semid.serving.stream.ItemDecoder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The crash invariant: the service's committed offsets acknowledge only what is durable. If every
 * instance died now, every item whose input record lies below the tokenize group's committed
 * offset, and every claim below the assign group's, must still get its ID: its item is in the
 * index's last commit on disk, or a claim of it waits in the claims topic at or past the committed
 * offset (read again after a restart), or it was dead-lettered. With several instances, durable means
 * in any instance's last commit (the others materialize it from the output topic). The offsets are read first, then
 * the topics and the index, which only grow meanwhile, so a live stream is judged soundly.
 */
public final class DurableOffsets {
    /** Where to look: the service's topics, its consumer group prefix ({@code semid.group}) and its instances' indexes. */
    public record Settings(String bootstrap, String inputTopic, String claimsTopic, String deadLetterTopic, String group, List<Path> indexes,
                           int dimension, int maxItemBytes) {
        public Settings {
            indexes = List.copyOf(indexes);
        }
    }

    private DurableOffsets() {}

    /** Items acknowledged by a committed offset but neither durable nor waiting to be read again; empty when the invariant holds. */
    public static List<Violation> check(Settings s) {
        Map<TopicPartition, Long> inputDone, claimsDone;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", s.bootstrap()))) {
            inputDone = committed(admin, s.group() + "-tokenize");
            claimsDone = committed(admin, s.group() + "-assign");
        }
        Set<String> waiting = new HashSet<>(), deadLettered = new HashSet<>();
        Map<String, String> acknowledged = new HashMap<>(); // item → where its acknowledgement was committed
        TopicReader.readAll(s.bootstrap(), s.claimsTopic(), r -> {
            boolean done = r.offset() < claimsDone.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L);
            for (Claim c : Codec.claims(r.value()))
                if (done) acknowledged.putIfAbsent(c.id(), "claims " + r.partition() + "@" + r.offset());
                else waiting.add(c.id());
        });
        ItemDecoder decoder = new ItemDecoder(s.dimension(), s.maxItemBytes());
        TopicReader.readAll(s.bootstrap(), s.inputTopic(), r -> {
            if (r.offset() >= inputDone.getOrDefault(new TopicPartition(r.topic(), r.partition()), 0L)) return;
            String where = "input " + r.partition() + "@" + r.offset();
            if (r.key() != null) { // the item's id (a value naming another is invalid, and dead-lettered under this key)
                acknowledged.putIfAbsent(r.key(), where);
                return;
            }
            try {
                acknowledged.putIfAbsent(decoder.decode(null, r.value(), null).id(), where);
            } catch (BadItemException e) {
                // invalid input is the dead-letter topic's, which the stream checker proves
            }
        });
        TopicReader.readAll(s.bootstrap(), s.deadLetterTopic(), r -> deadLettered.add(String.valueOf(r.key())));
        Set<String> durable = new HashSet<>();
        for (Path dir : s.indexes()) {
            if (!java.nio.file.Files.isDirectory(dir)) continue;
            try (SidIndexReader index = SidIndexReader.open(dir, null)) {
                index.read(l -> {
                    l.forEachEntry(false, e -> durable.add(e.itemId()));
                    return null;
                });
            } catch (RuntimeException noCommitYet) {
                // nothing of this instance is durable
            }
        }
        List<Violation> out = new ArrayList<>();
        acknowledged.forEach((id, where) -> {
            if (!durable.contains(id) && !waiting.contains(id) && !deadLettered.contains(id))
                out.add(new Violation("durable", id, "acknowledged by the committed offset past " + where
                        + ", but in no index's last commit and not waiting to be read again"));
        });
        return out;
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group) {
        try {
            Map<TopicPartition, Long> m = new HashMap<>();
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet())
                if (e.getValue() != null) m.put(e.getKey(), e.getValue().offset());
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the offsets of group " + group, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("reading the committed offsets of group " + group + ": " + e.getCause(), e.getCause());
        }
    }
}
