package dev.semid.serving;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A claim goes where Kafka would put a record keyed by its tuple, so the documented ownership holds. */
class ClaimPartitionTest {
    @Test void claimsLandOnTheTuplesKeyedPartition() {
        Random rnd = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            int[] codes = {rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256)};
            int partitions = 1 + rnd.nextInt(64);
            byte[] key = (codes[0] + "-" + codes[1] + "-" + codes[2]).getBytes(StandardCharsets.UTF_8);
            assertEquals(BuiltInPartitioner.partitionForKey(key, partitions), TokenizeStage.partitionOf(codes, partitions));
        }
    }
}
