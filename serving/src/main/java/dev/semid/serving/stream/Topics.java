package dev.semid.serving.stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Utils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/** Creates the service's topics that are missing; the output topic is compacted (the latest ID per item). */
public final class Topics {
    private Topics() {}

    /** The partition Kafka's default partitioner gives a record with this (serialized) key: murmur2(key) mod partitions. */
    public static int partitionOf(byte[] key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    public static void ensure(Map<String, Object> adminConfig, int partitions, short replication, String input, String claims,
                              String output, String deadLetters) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> create = new ArrayList<>();
            for (String t : List.of(input, claims, deadLetters))
                if (!existing.contains(t)) create.add(new NewTopic(t, partitions, replication));
            if (!existing.contains(output))
                create.add(new NewTopic(output, partitions, replication).configs(Map.of("cleanup.policy", "compact")));
            if (create.isEmpty()) return;
            try {
                admin.createTopics(create).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw e; // another instance was first
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the service's topics: " + e.getCause(), e.getCause());
        }
    }
}
