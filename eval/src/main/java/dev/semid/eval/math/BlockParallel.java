package dev.semid.eval.math;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs blocks 0..blocks−1 on a few worker threads that take the next block as they finish one.
 * Each worker gets its own block handler from the supplier, so per-thread buffers are allocated
 * once per worker, not per block. Callers write each block's results to its own positions, so
 * results never depend on the number of threads.
 */
public final class BlockParallel {
    private BlockParallel() {}

    public static void run(int blocks, int threads, Supplier<IntConsumer> workerState) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            IntConsumer block = workerState.get();
            for (int b; (b = next.getAndIncrement()) < blocks; ) block.accept(b);
        };
        int workers = Math.max(1, Math.min(threads, blocks));
        if (workers == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "semid-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < workers; w++) fs.add(pool.submit(worker));
            for (Future<?> f : fs) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
