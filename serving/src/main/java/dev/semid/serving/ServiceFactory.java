package dev.semid.serving;

import dev.semid.index.IndexStorage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** Builds the service's settings from configuration, with the defaults documented in README. */
@Factory
class ServiceFactory {
    /** The index on the file system; a test registers its own storage (a fault-injecting wrapper) in its place. */
    @Singleton
    @Secondary
    IndexStorage indexStorage() { return IndexStorage.FILES; }

    /** Nothing happens at the commit protocol's steps; a crash test registers a probe that halts the process at one. */
    @Singleton
    @Secondary
    StreamProbe streamProbe() { return StreamProbe.NONE; }

    @Singleton
    ServiceSettings settings(Environment env) {
        String model = env.getProperty("semid.model", String.class).orElse(null);
        String index = env.getProperty("semid.index", String.class).orElse(null);
        return new ServiceSettings(
                model == null ? null : Path.of(model),
                index == null ? null : Path.of(index),
                env.getProperty("kafka.bootstrap.servers", String.class).orElse(null),
                env.getProperty("semid.input-topic", String.class, "items"),
                env.getProperty("semid.output-topic", String.class, "semantic-ids"),
                env.getProperty("semid.claims-topic", String.class, "semid-claims"),
                env.getProperty("semid.dead-letter-topic", String.class, "items-dlq"),
                env.getProperty("semid.group", String.class, "semid"),
                env.getProperty("semid.partitions", Integer.class, 8),
                env.getProperty("semid.replication", Short.class, (short) 1),
                env.getProperty("semid.batch-size", Integer.class, 2000),
                env.getProperty("semid.linger-ms", Integer.class, 2),
                env.getProperty("semid.max-item-bytes", Integer.class, 262_144),
                env.getProperty("semid.commit-interval-ms", Long.class, 1000L),
                env.getProperty("semid.refresh-interval-ms", Long.class, 1000L),
                env.getProperty("semid.retokenize", Boolean.class, false),
                env.getProperty("semid.auth-token", String.class).orElse(null),
                env.getProperty("semid.insecure-writes", Boolean.class, false),
                env.getProperty("semid.reindex", Boolean.class, false),
                new DriftSettings(env.getProperty("semid.drift.window", Integer.class, 10_000),
                        env.getProperty("semid.drift.error-ratio", Double.class, 1.5),
                        env.getProperty("semid.drift.perplexity-ratio", Double.class, 0.5),
                        env.getProperty("semid.drift.min-tokens-left", Integer.class, 16)),
                env.getProperty("semid.token-cache-tuples", Integer.class, 262_144),
                env.getProperty("semid.tokenize-threads", Integer.class, 1),
                env.getProperty("semid.inference-threads", Integer.class, 1),
                env.getProperty("semid.local-claims", Boolean.class, true));
    }
}
