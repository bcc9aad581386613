package dev.semid.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The service's Prometheus meters: items tokenized, assigned (new IDs), spilled (new IDs in another
 * tuple than their own, which was full) and reused (redelivered or known items), dead letters,
 * produce → output latency, consumer lag, index size, and the drift of recent items ({@link DriftWatch}).
 */
@Singleton
public final class StreamMetrics {
    final Counter tokenized, handedOver, assigned, spilled, reused, deadLetters, materialized;
    final Timer latency, commit, refresh, tokenizeBatch, encodeBatch, assignBatch, claimAge;
    final DistributionSummary batchSize;
    /** Input records not yet consumed, per tokenize thread. */
    final java.util.Map<String, Long> lag = new java.util.concurrent.ConcurrentHashMap<>();
    final DriftWatch drift;

    StreamMetrics(MeterRegistry registry, SemidRuntime runtime, DriftWatch drift) {
        this.drift = drift;
        tokenized = Counter.builder("semid.items.tokenized").description("Input items tokenized").register(registry);
        handedOver = Counter.builder("semid.claims.local").description("Claims passed to this instance's assigner in memory, not through the claims topic").register(registry);
        assigned = Counter.builder("semid.items.assigned").description("Items given a new semantic ID").register(registry);
        spilled = Counter.builder("semid.items.spilled").description("Items given a new ID in another code tuple than their own, which had no dedup token left").register(registry);
        reused = Counter.builder("semid.items.reused").description("Items that already had an ID and kept it").register(registry);
        deadLetters = Counter.builder("semid.items.dead.letters").description("Bad input messages sent to the dead-letter topic").register(registry);
        materialized = Counter.builder("semid.index.materialized").description("Output records applied to the index from other instances").register(registry);
        latency = ageHistogram(registry, "semid.latency", "Input record timestamp → ID published (acknowledged) on the output topic");
        commit = Timer.builder("semid.commit").description("Flush, index commit and offset commits").register(registry);
        tokenizeBatch = Timer.builder("semid.stage.tokenize").description("One poll of input: decode, encode, send the claims").register(registry);
        encodeBatch = Timer.builder("semid.stage.encode").description("One poll's items through the Tokenizer").register(registry);
        assignBatch = Timer.builder("semid.stage.assign").description("One poll of claims: resolve, index, publish the IDs").register(registry);
        claimAge = ageHistogram(registry, "semid.claim.age", "Input record timestamp → its claim is being assigned");
        refresh = Timer.builder("semid.refresh").description("Index view refreshes between commits").register(registry);
        batchSize = DistributionSummary.builder("semid.batch.size").description("Input records per poll").register(registry);
        Gauge.builder("semid.consumer.lag", this, StreamMetrics::lag).description("Input records not yet consumed").register(registry);
        Gauge.builder("semid.index.items", runtime, r -> r.index().read(l -> l.size())).description("Items in the index").register(registry);
        driftGauges(registry, runtime.indexModel().levels());
    }

    private void driftGauges(MeterRegistry registry, int levels) {
        for (int l = 0; l < levels; l++) {
            int level = l;
            String tag = Integer.toString(l + 1);
            Gauge.builder("semid.drift.utilisation", drift, w -> w.utilisation(level)).tag("level", tag)
                    .description("Share of a level's codes used by the last semid.drift.window items").register(registry);
            Gauge.builder("semid.drift.perplexity", drift, w -> w.perplexity(level)).tag("level", tag)
                    .description("Perplexity of a level's codes over the last semid.drift.window items").register(registry);
            Gauge.builder("semid.drift.perplexity.ratio", drift, w -> {
                var ls = w.levels();
                return ls.size() > level && ls.get(level).ratio() != null ? ls.get(level).ratio() : Double.NaN;
            }).tag("level", tag).description("That perplexity over the training items' (NaN: unknown)").register(registry);
        }
        Gauge.builder("semid.drift.items", drift, DriftWatch::items).description("Items in the drift window so far").register(registry);
        Gauge.builder("semid.drift.collision.rate", drift, DriftWatch::collisionRate)
                .description("1 − distinct code tuples / items over the window").register(registry);
        Gauge.builder("semid.drift.error.ratio", drift, w -> w.errorRatio() == null ? Double.NaN : w.errorRatio())
                .description("Mean quantization error of the window's items over the training items' (NaN: unknown)").register(registry);
        Gauge.builder("semid.drift.spill.rate", drift, DriftWatch::spillRate)
                .description("Share of the last semid.drift.window new IDs that spilled to another tuple").register(registry);
        Gauge.builder("semid.drift.tokens.left.min", drift, DriftWatch::fewestTokensLeft)
                .description("Fewest dedup tokens left in a tuple that got an ID in the window (−1: none yet)").register(registry);
        Gauge.builder("semid.drift.alerts", drift, DriftWatch::alertCount)
                .description("Drift thresholds (semid.drift.*) crossed now").register(registry);
    }

    /** A time since the input record was produced, as a Prometheus histogram of 1 ms to 30 s. */
    private static Timer ageHistogram(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
    }

    public long lag() { return lag.values().stream().mapToLong(Long::longValue).sum(); }

    /** Items given a new ID in another tuple than their own so far. */
    public double spilledCount() { return spilled.count(); }

    /** One line for benchmarks: where the time goes, per stage. */
    public String timings() {
        return String.format(java.util.Locale.ROOT, "%s; %s; %s; %s; %s; %s; claim age %s; mean input batch %.0f; claims in memory %.0f of %.0f", timing("commits", commit),
                timing("refreshes", refresh), timing("tokenize polls", tokenizeBatch), timing("of which encoding", encodeBatch), timing("assign polls", assignBatch),
                timing("latency", latency), timing("", claimAge).trim(), batchSize.mean(),
                handedOver.count(), tokenized.count());
    }

    /** Cumulative tokenize-stage totals, for a benchmark to take differences over a run. */
    public record TokenizeTotals(long polls, double items, double loopSeconds, double encodeSeconds) {
        /** "polls of B items; per item: X µs in the tokenize loop, of which Y µs encoding" since {@code before} (wall time). */
        public String since(TokenizeTotals before) {
            double n = items - before.items;
            if (n <= 0) return "no items";
            return String.format(java.util.Locale.ROOT, "%,d polls of %.0f items; per item %.1f µs in the loop, of which %.1f µs encoding (wall)",
                    polls - before.polls, n / Math.max(1, polls - before.polls), 1e6 * (loopSeconds - before.loopSeconds) / n,
                    1e6 * (encodeSeconds - before.encodeSeconds) / n);
        }
    }

    public TokenizeTotals tokenizeTotals() {
        var s = java.util.concurrent.TimeUnit.SECONDS;
        return new TokenizeTotals(tokenizeBatch.count(), batchSize.totalAmount(), tokenizeBatch.totalTime(s), encodeBatch.totalTime(s));
    }

    private static String timing(String name, Timer t) {
        var ms = java.util.concurrent.TimeUnit.MILLISECONDS;
        return String.format(java.util.Locale.ROOT, "%s %d (mean %.1f ms, max %.1f ms)", name, t.count(), t.mean(ms), t.max(ms));
    }
}
