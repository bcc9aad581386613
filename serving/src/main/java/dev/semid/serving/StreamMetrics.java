package dev.semid.serving;

import dev.semid.serving.stream.RecentCodeUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Prometheus meters: items tokenized, assigned (new IDs) and reused (redelivered or
 * known items), dead letters, produce → output latency, consumer lag, index size and the per-level
 * utilisation of recent items' codes.
 */
@Singleton
public final class StreamMetrics {
    final Counter tokenized, assigned, reused, deadLetters, materialized;
    final Timer latency, commit, refresh;
    final DistributionSummary batchSize;
    final AtomicLong lag = new AtomicLong();
    final RecentCodeUsage recent;

    StreamMetrics(MeterRegistry registry, SemidRuntime runtime, ServiceSettings settings) {
        tokenized = Counter.builder("semid.items.tokenized").description("Input items tokenized").register(registry);
        assigned = Counter.builder("semid.items.assigned").description("Items given a new semantic ID").register(registry);
        reused = Counter.builder("semid.items.reused").description("Items that already had an ID and kept it").register(registry);
        deadLetters = Counter.builder("semid.items.dead.letters").description("Bad input messages sent to the dead-letter topic").register(registry);
        materialized = Counter.builder("semid.index.materialized").description("Output records applied to the index from other instances").register(registry);
        latency = Timer.builder("semid.latency").description("Input record timestamp → ID published (acknowledged) on the output topic")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
        commit = Timer.builder("semid.commit").description("Flush, index commit and offset commits").register(registry);
        refresh = Timer.builder("semid.refresh").description("Index view refreshes between commits").register(registry);
        batchSize = DistributionSummary.builder("semid.batch.size").description("Input records per poll").register(registry);
        Gauge.builder("semid.consumer.lag", lag, AtomicLong::get).description("Input records not yet consumed").register(registry);
        Gauge.builder("semid.index.items", runtime, r -> r.index().read(l -> l.size())).description("Items in the index").register(registry);
        recent = new RecentCodeUsage(runtime.indexModel().levels(), runtime.indexModel().codebookSize(), settings.recentWindow());
        for (int l = 0; l < runtime.indexModel().levels(); l++) {
            int level = l;
            Gauge.builder("semid.recent.utilisation", recent, r -> r.utilisation(level)).tag("level", Integer.toString(l + 1))
                    .description("Share of a level's codes used by the last semid.recent-window items").register(registry);
        }
    }

    public long lag() { return lag.get(); }

    /** One line for benchmarks: commit and refresh counts and times. */
    public String timings() {
        return String.format(java.util.Locale.ROOT, "commits %d (mean %.1f ms, max %.1f ms), refreshes %d (mean %.1f ms, max %.1f ms), mean batch %.0f",
                commit.count(), commit.mean(java.util.concurrent.TimeUnit.MILLISECONDS), commit.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                refresh.count(), refresh.mean(java.util.concurrent.TimeUnit.MILLISECONDS), refresh.max(java.util.concurrent.TimeUnit.MILLISECONDS),
                batchSize.mean());
    }
}
