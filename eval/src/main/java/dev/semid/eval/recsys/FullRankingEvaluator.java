package dev.semid.eval.recsys;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Full ranking, no sampled negatives: every case's target is ranked against all catalogue items
 * ({@link TargetRank}), and Recall/NDCG@K follow from the ranks ({@link RankingMetrics}).
 *
 * <p>Cases are scored in blocks of {@code usersPerBlock} (one block's scores, users × items
 * floats, per thread; the whole users × items matrix is never held), blocks are shared out to
 * {@code threads} workers, and each rank lands at its case's position, so results do not
 * depend on the number of threads.
 */
public final class FullRankingEvaluator {
    public static final int DEFAULT_USERS_PER_BLOCK = 64;

    private final Protocol protocol;
    private final int threads;
    private final int usersPerBlock;

    public FullRankingEvaluator(Protocol protocol, int threads, int usersPerBlock) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (usersPerBlock < 1) throw new IllegalArgumentException("users per block must be >= 1, got " + usersPerBlock);
        this.protocol = protocol;
        this.threads = threads;
        this.usersPerBlock = usersPerBlock;
    }

    public FullRankingEvaluator(Protocol protocol) {
        this(protocol, Runtime.getRuntime().availableProcessors(), DEFAULT_USERS_PER_BLOCK);
    }

    public Protocol protocol() { return protocol; }

    public SystemResult evaluate(Recommender system, List<EvalCase> cases, int itemCount) {
        long t0 = System.nanoTime();
        int[] ranks = new int[cases.size()];
        int blocks = (cases.size() + usersPerBlock - 1) / usersPerBlock;
        int workers = Math.max(1, Math.min(threads, blocks));
        int[] tieOrder = system.tieOrder();
        boolean exclude = protocol.seen() == SeenItems.EXCLUDE;
        int[] none = new int[0];
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            float[] scores = new float[usersPerBlock * itemCount];
            for (int b; (b = next.getAndIncrement()) < blocks; ) {
                int from = b * usersPerBlock, to = Math.min(cases.size(), from + usersPerBlock);
                system.score(cases, from, to, scores);
                for (int c = from; c < to; c++) {
                    EvalCase ec = cases.get(c);
                    ranks[c] = TargetRank.of(scores, (c - from) * itemCount, itemCount, ec.target(), exclude ? ec.seen() : none, tieOrder);
                }
            }
        };
        if (workers == 1) worker.run();
        else runAll(worker, workers);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new SystemResult(system.name(), ranks, RankingMetrics.means(ranks, protocol.ks()), seconds);
    }

    private static void runAll(Runnable worker, int workers) {
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
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
