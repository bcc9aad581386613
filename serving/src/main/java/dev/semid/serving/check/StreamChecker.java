package dev.semid.serving.check;

import dev.semid.index.SidIndexReader;
import dev.semid.serving.stream.BadItemException;
import dev.semid.serving.stream.Codec;
import dev.semid.serving.stream.Item;
import dev.semid.serving.stream.ItemDecoder;
import dev.semid.tokenizer.sid.SemanticId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proves, after the fact, what the stream promises, from the topics and the index alone:
 * <ol>
 *   <li><b>one ID each</b>: every item with a valid input record has an ID in the output topic's
 *       latest records, unless it was deleted there (a tombstone) or the dead-letter topic says
 *       every tuple it could take was full; no item has an ID it never came in for;</li>
 *   <li><b>unique</b>: no ID belongs to two items;</li>
 *   <li><b>index = topic</b>: each instance's index holds exactly the output topic's latest ID of every item;</li>
 *   <li><b>stable</b>: an item's ID never changed in the output topic without a delete or a
 *       {@code "retokenize": true} between (re-delivered items keep their IDs);</li>
 *   <li><b>dead letters</b>: the dead-letter topic holds exactly the invalid input records, each once.</li>
 * </ol>
 * Validity is the service's own {@link ItemDecoder}. Read while the service is stopped or idle:
 * records in flight would show as missing.
 */
public final class StreamChecker {
    /** What to check and how inputs are judged ({@code dimension} and {@code maxItemBytes} as the service's). */
    public record Settings(String bootstrap, String inputTopic, String outputTopic, String deadLetterTopic, String claimsTopic,
                           List<Path> indexes, int dimension, int maxItemBytes) {
        public Settings {
            indexes = List.copyOf(indexes);
        }

        /** One instance's index. */
        public Settings(String bootstrap, String inputTopic, String outputTopic, String deadLetterTopic, String claimsTopic, Path index,
                        int dimension, int maxItemBytes) {
            this(bootstrap, inputTopic, outputTopic, deadLetterTopic, claimsTopic, List.of(index), dimension, maxItemBytes);
        }
    }

    /** The verdict: counts, and every violation (the caller prints as many as it likes). */
    public record Report(long inputRecords, long items, long invalidRecords, long outputRecords, long ids, long deadLetters,
                         List<Violation> violations) {
        public boolean ok() { return violations.isEmpty(); }

        /** Violations per invariant, in the order of the class comment. */
        public Map<String, Long> counts() {
            Map<String, Long> m = new TreeMap<>();
            for (Violation v : violations) m.merge(v.invariant(), 1L, Long::sum);
            return m;
        }
    }

    private StreamChecker() {}

    public static Report check(Settings s) {
        ItemDecoder decoder = new ItemDecoder(s.dimension(), s.maxItemBytes());
        List<Violation> out = new ArrayList<>();
        // input: valid items, and invalid records by position (an empty value, a tombstone included, is invalid input)
        Set<String> present = new HashSet<>();
        Map<String, Long> retokenizeAt = new HashMap<>(); // key → number of retokenize requests (ID changes they allow)
        Set<String> invalid = new HashSet<>();
        Map<String, String> invalidKey = new HashMap<>();
        long[] inputs = {0};
        TopicReader.readAll(s.bootstrap(), s.inputTopic(), r -> {
            inputs[0]++;
            try {
                Item item = decoder.decode(r.key(), r.value(), header(r, "content-type"));
                present.add(item.id());
                if (item.retokenize()) retokenizeAt.merge(item.id(), 1L, Long::sum);
            } catch (BadItemException e) {
                String pos = r.partition() + "@" + r.offset();
                invalid.add(pos);
                invalidKey.put(pos, String.valueOf(r.key()));
            }
        });
        // output: the latest record per item, and every change of an item's ID
        Map<String, SemanticId> latest = new LinkedHashMap<>();
        Set<String> deleted = new HashSet<>();
        Map<String, Long> changes = new HashMap<>();
        long[] outputs = {0};
        TopicReader.readAll(s.bootstrap(), s.outputTopic(), r -> {
            outputs[0]++;
            if (r.key() == null) return;
            SemanticId before = latest.get(r.key());
            if (r.value() == null) {
                latest.remove(r.key());
                deleted.add(r.key());
                return;
            }
            deleted.remove(r.key());
            SemanticId now = Codec.output(r.value()).sid();
            if (before != null && !before.equals(now) && changes.merge(r.key(), 1L, Long::sum) > retokenizeAt.getOrDefault(r.key(), 0L))
                out.add(new Violation("stable", r.key(), "ID " + before + " became " + now + " at " + r.partition() + "@" + r.offset()
                        + " without a delete or a retokenize request"));
            latest.put(r.key(), now);
        });
        // dead letters: input positions, each once; items no tuple could take
        Map<String, Integer> lettered = new HashMap<>();
        Set<String> unplaceable = new HashSet<>();
        long[] letters = {0};
        TopicReader.readAll(s.bootstrap(), s.deadLetterTopic(), r -> {
            letters[0]++;
            String topic = header(r, "semid.source.topic");
            if (s.claimsTopic().equals(topic)) {
                unplaceable.add(r.key());
                return;
            }
            lettered.merge(header(r, "semid.source.partition") + "@" + header(r, "semid.source.offset"), 1, Integer::sum);
        });
        for (String pos : invalid)
            if (!lettered.containsKey(pos)) out.add(new Violation("dead letters", invalidKey.get(pos), "invalid input record " + pos + " is not in the dead-letter topic"));
        lettered.forEach((pos, n) -> {
            if (!invalid.contains(pos)) out.add(new Violation("dead letters", "?", "dead letter of input record " + pos + ", which is valid or does not exist"));
            else if (n > 1) out.add(new Violation("dead letters", invalidKey.get(pos), "input record " + pos + " is in the dead-letter topic " + n + " times"));
        });
        // one ID each
        for (String id : present)
            if (!latest.containsKey(id) && !deleted.contains(id) && !unplaceable.contains(id))
                out.add(new Violation("one ID each", id, "a valid item with no ID in " + s.outputTopic()));
        latest.keySet().stream().filter(id -> !present.contains(id))
                .forEach(id -> out.add(new Violation("one ID each", id, "has ID " + latest.get(id) + " but never came in on " + s.inputTopic())));
        // unique
        Map<SemanticId, String> holder = new HashMap<>();
        latest.forEach((id, sid) -> {
            String other = holder.putIfAbsent(sid, id);
            if (other != null) out.add(new Violation("unique", id, "ID " + sid + " is also item '" + other + "''s"));
        });
        // index = topic, for every instance's index (the topics are read once)
        for (Path index : s.indexes()) {
            Map<String, SemanticId> indexed = new HashMap<>();
            try (SidIndexReader r = SidIndexReader.open(index, null)) {
                r.read(l -> {
                    l.forEachEntry(false, e -> indexed.put(e.itemId(), e.sid()));
                    return null;
                });
            }
            String where = s.indexes().size() == 1 ? "index" : "index " + index;
            latest.forEach((id, sid) -> {
                SemanticId in = indexed.get(id);
                if (!sid.equals(in)) out.add(new Violation("index = topic", id, "topic says " + sid + ", " + where + " says " + (in == null ? "nothing" : in)));
            });
            indexed.forEach((id, sid) -> {
                if (!latest.containsKey(id)) out.add(new Violation("index = topic", id, "in the " + where + " as " + sid + " but not in " + s.outputTopic()));
            });
        }
        return new Report(inputs[0], present.size(), invalid.size(), outputs[0], latest.size(), letters[0], out);
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
