package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * AdamW (Loshchilov & Hutter), in place on one parameter:
 * m ← β1·m + (1−β1)·g,  v ← β2·v + (1−β2)·g²,
 * w ← w − lr·( m/(1−β1^t) / (sqrt(v/(1−β2^t)) + ε) + λ·w ).
 * Own implementation so that each parameter group has its own learning rate and decay, and the
 * state lives in the manager we choose (not in a per-step scope).
 */
public final class AdamW {
    private static final float BETA1 = 0.9f, BETA2 = 0.999f, EPS = 1e-8f;

    private final NDArray weight;
    private final NDArray m, v;
    private final float lr, decay;
    private int t;

    public AdamW(NDManager stateManager, NDArray weight, double lr, double decay) {
        this.weight = weight;
        this.m = stateManager.zeros(weight.getShape());
        this.v = stateManager.zeros(weight.getShape());
        this.lr = (float) lr;
        this.decay = (float) decay;
    }

    public NDArray weight() { return weight; }

    /** One step with the accumulated gradient, then zero the gradient (GradientCollector does not). */
    public void step() { step(1); }

    /** A step at {@code lrScale} times the learning rate (warm-up and decay schedules). */
    public void step(double lrScale) {
        NDArray g = weight.getGradient();
        t++;
        m.muli(BETA1).addi(g.mul(1 - BETA1));
        v.muli(BETA2).addi(g.square().muli(1 - BETA2));
        float c1 = 1 - (float) Math.pow(BETA1, t), c2 = 1 - (float) Math.pow(BETA2, t);
        NDArray update = m.div(c1).divi(v.div(c2).sqrt().addi(EPS));
        if (decay > 0) update.addi(weight.mul(decay));
        weight.subi(update.muli((float) (lr * lrScale)));
        zero(g);
    }

    /** Drops the accumulated gradient without updating. */
    public void skip() { zero(weight.getGradient()); }

    /** Assignment, not arithmetic: NaN·0 would stay NaN. */
    private static void zero(NDArray g) { g.set(new ai.djl.ndarray.index.NDIndex("..."), 0f); }

    /** Clears the moments of some rows (a reset code should not inherit its old momentum). */
    public void resetRows(int[] rows) {
        for (int r : rows) {
            m.set(new ai.djl.ndarray.index.NDIndex(r), 0f);
            v.set(new ai.djl.ndarray.index.NDIndex(r), 0f);
        }
    }
}
