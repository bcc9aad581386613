package dev.semid.serving;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ready when the stream runs (caught up with the output topic) and its loop turned in the last 30 s. */
@Singleton
@Readiness
class StreamHealth extends AbstractHealthIndicator<Map<String, Object>> {
    private final StreamEngine engine;
    private final StreamMetrics metrics;
    private final SemidRuntime runtime;

    StreamHealth(StreamEngine engine, StreamMetrics metrics, SemidRuntime runtime) {
        this.engine = engine;
        this.metrics = metrics;
        this.runtime = runtime;
    }

    @Override protected Map<String, Object> getHealthInformation() {
        StreamEngine.State s = engine.state();
        boolean up = s == StreamEngine.State.RUNNING && engine.secondsSinceLastLoop() < 30;
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("state", s.name());
        d.put("consumerLag", metrics.lag());
        d.put("indexItems", runtime.index().read(l -> l.size()));
        d.put("model", runtime.fingerprint());
        if (engine.lastError() != null) d.put("lastError", engine.lastError());
        return d;
    }

    @Override protected String getName() { return "stream"; }
}
