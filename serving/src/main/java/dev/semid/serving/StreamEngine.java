package dev.semid.serving;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The stream: its threads, each with its own Kafka clients.
 * <ol>
 *   <li>{@link TokenizeStage} × {@code semid.tokenize-threads}: items → claims by code tuple (bad
 *       items → dead letters); the threads share the input partitions as members of one group;
 *       claims of the tuples this instance owns go to its assigner in memory ({@link ClaimHandoff}),
 *       the others through the claims topic;</li>
 *   <li>{@link AssignStage}: claims → unique IDs (one owner per tuple) → index + compacted output
 *       topic; and the output topic → the index, so every instance's index is whole.</li>
 * </ol>
 * Offsets are committed only after what they cover is acknowledged downstream (and, for claims,
 * in an index commit); a crash re-delivers, and a re-delivered item gets the ID it already had.
 */
@Singleton
public final class StreamEngine {
    public enum State { STARTING, CATCHING_UP, RUNNING, RESTARTING, STOPPED }

    private final java.util.List<TokenizeStage> tokenize = new java.util.ArrayList<>();
    private final AssignStage assign;

    StreamEngine(ServiceSettings settings, SemidRuntime runtime, StreamMetrics metrics, StreamProbe probe) {
        ClaimHandoff handoff = new ClaimHandoff(settings.localClaims());
        for (int i = 0; i < settings.tokenizeThreads(); i++) tokenize.add(new TokenizeStage(settings, runtime, metrics, handoff, i));
        this.assign = new AssignStage(settings, runtime, metrics, handoff, probe);
    }

    @EventListener
    void onStartup(StartupEvent e) { start(); }

    @EventListener
    void onShutdown(ShutdownEvent e) { stop(); }

    public void start() {
        assign.start();
        tokenize.forEach(Stage::start);
    }

    /** Tokenizing stops first, so that the assigner's final commit covers what is in flight. */
    @PreDestroy
    public void stop() {
        tokenize.forEach(Stage::stop);
        assign.stop();
    }

    /** The less advanced of the two stages. */
    public State state() {
        State least = assign.state.get();
        for (TokenizeStage t : tokenize) if (least == State.RUNNING) least = t.state.get();
        return least;
    }

    public String lastError() {
        String a = assign.lastError.get();
        if (a != null) return a;
        return tokenize.stream().map(t -> t.lastError.get()).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** Seconds since the slower stage last went round its loop. */
    public double secondsSinceLastLoop() {
        long oldest = assign.lastLoopNanos;
        for (TokenizeStage t : tokenize) oldest = Math.min(oldest, t.lastLoopNanos);
        return (System.nanoTime() - oldest) / 1e9;
    }

    /** Claims partitions this instance owns now: the code tuples it hands tokens out for. */
    public int claimPartitions() { return assign.partitions(); }

    /** Input partitions this instance consumes now. */
    public int itemPartitions() { return tokenize.stream().mapToInt(TokenizeStage::partitions).sum(); }
}
