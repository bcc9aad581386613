package dev.semid.serving;

import dev.semid.tokenizer.sid.CodeTuple;
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
            assertEquals(BuiltInPartitioner.partitionForKey(key, partitions), TokenizeStage.partitionOf(CodeTuple.of(codes), partitions));
        }
    }

    /**
     * Partitions of a few tuples, computed with Kafka's Utils.toPositive(Utils.murmur2(key)) % n on
     * the key text: a running stream's claims must stay where its earlier claims went, whatever
     * changes in how tuples are formatted or hashed here.
     */
    @Test void knownTuplesKeepTheirPartitions() {
        Object[][] known = {
                // tuple, partitions of 4, 8, 16, 64 and 7
                {"0-0-0", 2, 2, 10, 58, 0},
                {"12-201-7", 3, 7, 15, 15, 6},
                {"255-255-255", 0, 0, 8, 8, 6},
                {"73-27-237", 0, 0, 8, 8, 0},
                {"1-2-3", 2, 6, 6, 54, 3},
                {"46-108-6", 3, 3, 11, 11, 0},
                {"219-48-134", 0, 0, 8, 40, 5},
                {"7", 3, 3, 3, 51, 1},
                {"12-201", 1, 5, 13, 61, 1},
                {"1-2-3-4-5-6-7-8", 1, 1, 9, 41, 2},
                {"999999999-0-65535", 3, 7, 15, 31, 6},
        };
        int[] partitions = {4, 8, 16, 64, 7};
        for (Object[] k : known) {
            CodeTuple tuple = CodeTuple.parse((String) k[0]);
            assertEquals(0, TokenizeStage.partitionOf(tuple, 1), tuple + " of 1");
            for (int j = 0; j < partitions.length; j++)
                assertEquals((int) k[j + 1], TokenizeStage.partitionOf(tuple, partitions[j]), tuple + " of " + partitions[j]);
        }
    }
}
