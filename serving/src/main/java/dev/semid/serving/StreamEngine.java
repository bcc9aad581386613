package dev.semid.serving;

import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

/**
 * The stream: two threads, each with its own Kafka clients.
 * <ol>
 *   <li>{@link TokenizeStage}: items → claims keyed by code tuple (bad items → dead letters);</li>
 *   <li>{@link AssignStage}: claims → unique IDs (one owner per tuple) → index + compacted output
 *       topic; and the output topic → the index, so every instance's index is whole.</li>
 * </ol>
 * Offsets are committed only after what they cover is acknowledged downstream (and, for claims,
 * in an index commit); a crash re-delivers, and a re-delivered item gets the ID it already had.
 */
@Singleton
public final class StreamEngine {
    public enum State { STARTING, CATCHING_UP, RUNNING, RESTARTING, STOPPED }

    private final TokenizeStage tokenize;
    private final AssignStage assign;

    StreamEngine(ServiceSettings settings, SemidRuntime runtime, StreamMetrics metrics) {
        this.tokenize = new TokenizeStage(settings, runtime, metrics);
        this.assign = new AssignStage(settings, runtime, metrics);
    }

    @EventListener
    void onStartup(StartupEvent e) { start(); }

    @EventListener
    void onShutdown(ShutdownEvent e) { stop(); }

    public void start() {
        assign.start();
        tokenize.start();
    }

    /** Tokenizing stops first, so that the assigner's final commit covers what is in flight. */
    @PreDestroy
    public void stop() {
        tokenize.stop();
        assign.stop();
    }

    /** The less advanced of the two stages. */
    public State state() {
        State a = assign.state.get(), t = tokenize.state.get();
        return a.ordinal() == State.RUNNING.ordinal() ? t : a;
    }

    public String lastError() {
        String a = assign.lastError.get();
        return a != null ? a : tokenize.lastError.get();
    }

    /** Seconds since the slower stage last went round its loop. */
    public double secondsSinceLastLoop() {
        return (System.nanoTime() - Math.min(assign.lastLoopNanos, tokenize.lastLoopNanos)) / 1e9;
    }

    /** Claims partitions this instance owns now: the code tuples it hands tokens out for. */
    public int claimPartitions() { return assign.partitions(); }

    /** Input partitions this instance consumes now. */
    public int itemPartitions() { return tokenize.partitions(); }
}
