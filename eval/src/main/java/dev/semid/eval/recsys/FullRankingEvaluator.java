package dev.semid.eval.recsys;

import dev.semid.eval.math.BlockParallel;

import java.util.List;

/**
 * Full ranking, no sampled negatives: every case's target is ranked against all catalogue items
 * ({@link TargetRank}), and Recall/NDCG@K follow from the ranks ({@link RankingMetrics}).
 *
 * <p>Cases are scored in blocks of {@code usersPerBlock} (one block's scores, users × items
 * floats, per thread; the whole users × items matrix is never held), blocks are shared out to
 * {@code threads} workers ({@link BlockParallel}), and each rank lands at its case's position, so results do not
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
        int[] tieOrder = system.tieOrder();
        boolean exclude = protocol.seen() == SeenItems.EXCLUDE;
        int[] none = new int[0];
        BlockParallel.run(blocks, threads, () -> {
            float[] scores = new float[usersPerBlock * itemCount];
            return b -> {
                int from = b * usersPerBlock, to = Math.min(cases.size(), from + usersPerBlock);
                system.score(cases, from, to, scores);
                for (int c = from; c < to; c++) {
                    EvalCase ec = cases.get(c);
                    ranks[c] = TargetRank.of(scores, (c - from) * itemCount, itemCount, ec.target(), exclude ? ec.seen() : none, tieOrder);
                }
            };
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new SystemResult(system.name(), ranks, RankingMetrics.means(ranks, protocol.ks()), seconds);
    }
}
