package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/**
 * GRIT-VQ radius surrogate for level l: weight · mean_b ρ(||r_l − sg(c_{l,k_l})||). Its gradient
 * on r is weight · g(d) · (r − c)/d: a step of size g(d) along the quantization direction,
 * decoupled from the gap d. With weight 2β and the classic g(d) = d it equals the gradient of
 * β·||r − sg(c)||². The forward output stays exactly c_{l,k_l}.
 */
public final class RadiusLoss implements LossPart {
    private final int level;
    private final double weight;
    private final RadiusFunction radius;

    public RadiusLoss(int level, double weight, RadiusFunction radius) {
        this.level = level;
        this.weight = weight;
        this.radius = radius;
    }

    @Override public String name() { return "radius@" + (level + 1); }

    @Override public NDArray compute(ForwardPass f) {
        NDArray sq = f.residuals().get(level).sub(f.chosen().get(level).stopGradient()).square().sum(new int[] {1});
        return radius.rho(sq).mean().mul((float) weight);
    }
}
