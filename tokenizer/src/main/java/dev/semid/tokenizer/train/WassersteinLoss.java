package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.semid.tokenizer.math.GaussianW2;

/**
 * Level l's distributional matching term γ · W2(N(μ_A, Σ_A), N(μ_B, Σ_B)) (arXiv 2506.15078):
 * A = a FIFO queue of the last N_Q detached residuals r_l, B = the level's codebook. Both sides
 * are divided by one detached scalar s = the largest per-dimension standard deviation of the
 * queue, so the term's size does not depend on the level's scale. Unbiased covariances. The
 * gradient reaches the codebook only (the queue is detached), never the encoder.
 */
public final class WassersteinLoss implements LossPart {
    private static final double RANK_DEFICIENT_RIDGE = 1e-4;

    private final int level;
    private final WassersteinConfig cfg;
    private final int capacity;
    private NDArray queue;
    private int filled, head;

    public WassersteinLoss(int level, WassersteinConfig cfg, int trainingItems) {
        this.level = level;
        this.cfg = cfg;
        this.capacity = Math.max(2, Math.min(cfg.queueSize(), trainingItems));
    }

    @Override public String name() { return "wasserstein@" + (level + 1); }

    @Override public NDArray compute(ForwardPass f) {
        NDArray r = f.residuals().get(level).stopGradient();
        push(r);
        if (filled < 2) return r.getManager().zeros(new ai.djl.ndarray.types.Shape());
        NDArray codebook = f.codebooks().get(level);
        int k = (int) codebook.getShape().get(0), d = (int) codebook.getShape().get(1);
        NDArray q = filled < capacity ? queue.get(new NDIndex("0:" + filled)) : queue;
        NDArray mean = q.mean(new int[] {0});
        NDArray centred = q.sub(mean);
        float[] cov = centred.transpose().matMul(centred).div((float) (filled - 1)).toFloatArray();
        float[] mu = mean.toFloatArray();
        double maxVar = 0;
        for (int i = 0; i < d; i++) maxVar = Math.max(maxVar, cov[i * d + i]);
        double s = maxVar > 0 && Double.isFinite(maxVar) ? Math.sqrt(maxVar) : 1.0;
        boolean deficient = filled < 2 * d || k < 2 * d;
        double ridge = cfg.ridge() + (deficient ? RANK_DEFICIENT_RIDGE : 0);
        double[] m = new double[d];
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i] = mu[i] / s;
            for (int j = 0; j < d; j++) c[i][j] = cov[i * d + j] / (s * s);
            c[i][i] += ridge;
        }
        return WassersteinTerm.compute(codebook, new GaussianW2.Stats(m, c), s, true, ridge).mul((float) cfg.gamma());
    }

    /** Appends the batch's residuals, overwriting the oldest once full. */
    private void push(NDArray r) {
        int b = (int) r.getShape().get(0), d = (int) r.getShape().get(1);
        if (queue == null) {
            queue = r.getManager().zeros(new ai.djl.ndarray.types.Shape(capacity, d));
            NDScope.unregister(queue); // lives across steps, not in the step's scope
        }
        int from = Math.max(0, b - capacity); // a batch larger than the queue keeps its last rows
        int n = b - from;
        int first = Math.min(n, capacity - head);
        queue.set(new NDIndex(head + ":" + (head + first)), r.get(new NDIndex(from + ":" + (from + first))));
        if (first < n) queue.set(new NDIndex("0:" + (n - first)), r.get(new NDIndex((from + first) + ":" + b)));
        head = (head + n) % capacity;
        filled = Math.min(capacity, filled + n);
    }
}
