package dev.semid.serving;

import java.nio.file.Path;

/**
 * Every knob of the service, read once from configuration ({@code semid.*}, see
 * {@code application.properties}) and validated here.
 *
 * @param model             model directory from {@code semid train}
 * @param index             Lucene index directory (created if missing)
 * @param bootstrapServers  Kafka {@code bootstrap.servers}
 * @param inputTopic        items in: key = item id, value = JSON {"id", "embedding", …} or binary float32
 * @param outputTopic       IDs out, compacted: key = item id, value = {"id", "sid", "codes", "model"}
 * @param claimsTopic       internal: code tuples claimed by items, in the partition of the tuple so that one
 *                          instance owns the dedup tokens of any tuple
 * @param deadLetterTopic   bad messages, with the reason and source offset in headers
 * @param group             consumer group prefix (-tokenize, -assign)
 * @param partitions        partitions of the topics the service creates when they are missing
 * @param replication       their replication factor
 * @param batchSize         records per poll
 * @param lingerMs          how long a fetch waits for more data (latency vs batching)
 * @param maxItemBytes      larger input messages go to the dead-letter topic
 * @param commitIntervalMs  index commits (and the offset commits that follow them) at most this often
 * @param refreshIntervalMs how often the index view is refreshed for readers between commits
 * @param retokenize        give items that already have an ID a new one (else they keep theirs)
 * @param reindex           empty an index built for a model the service's model does not descend from, instead of
 *                          refusing to start (a descendant, trained with --align-to, takes the index over as it is)
 * @param authToken         bearer token required by the write endpoints; null = none set
 * @param insecureWrites    without a token, the write endpoints take requests from anyone (else they are refused)
 * @param drift             the drift watch's window and thresholds
 * @param tokenCacheTuples  code tuples whose dedup tokens the assigner keeps in memory between
 *                          batches (least recently used dropped; ~150 bytes each)
 * @param tokenizeThreads   consumers of the input topic in this instance, each decoding and encoding
 *                          its own partitions' items; one consumer fetches more items per request and
 *                          encodes larger batches, and on 2 cores two were no faster
 * @param inferenceThreads  PyTorch intra-op threads for encoding on CPU (0 = one per core); the
 *                          service shares its cores with Kafka and Lucene, where one is fastest
 * @param localClaims       claims of the code tuples this instance owns go from its tokenize threads to
 *                          its assigner in memory (false: every claim through the claims topic)
 */
public record ServiceSettings(Path model, Path index, String bootstrapServers, String inputTopic, String outputTopic,
                              String claimsTopic, String deadLetterTopic, String group, int partitions, short replication,
                              int batchSize, int lingerMs, int maxItemBytes, long commitIntervalMs, long refreshIntervalMs, boolean retokenize,
                              String authToken, boolean insecureWrites, boolean reindex, DriftSettings drift, int tokenCacheTuples, int tokenizeThreads,
                              int inferenceThreads, boolean localClaims) {
    public ServiceSettings {
        require(model != null, "semid.model (the model directory) is required");
        require(index != null, "semid.index (the index directory) is required");
        require(bootstrapServers != null && !bootstrapServers.isBlank(),
                "kafka.bootstrap.servers is required (or start with --embedded-kafka)");
        for (String t : new String[] {inputTopic, outputTopic, claimsTopic, deadLetterTopic})
            require(t != null && t.matches("[a-zA-Z0-9._-]{1,249}"), "invalid topic name '" + t + "'");
        require(group != null && !group.isBlank(), "semid.group must not be empty");
        require(partitions >= 1, "semid.partitions must be >= 1, got " + partitions);
        require(replication >= 1, "semid.replication must be >= 1, got " + replication);
        require(batchSize >= 1 && batchSize <= 100_000, "semid.batch-size must be 1..100000, got " + batchSize);
        require(lingerMs >= 0 && lingerMs <= 10_000, "semid.linger-ms must be 0..10000, got " + lingerMs);
        require(maxItemBytes >= 64, "semid.max-item-bytes must be >= 64, got " + maxItemBytes);
        require(commitIntervalMs >= 0, "semid.commit-interval-ms must be >= 0, got " + commitIntervalMs);
        require(refreshIntervalMs >= 0, "semid.refresh-interval-ms must be >= 0, got " + refreshIntervalMs);
        require(drift != null, "the semid.drift.* settings are required");
        require(tokenizeThreads >= 1 && tokenizeThreads <= 64, "semid.tokenize-threads must be 1..64, got " + tokenizeThreads);
        require(inferenceThreads >= 0, "semid.inference-threads must be >= 0, got " + inferenceThreads);
        require(tokenCacheTuples >= 0, "semid.token-cache-tuples must be >= 0, got " + tokenCacheTuples);
        if (authToken != null && authToken.isBlank()) authToken = null;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
