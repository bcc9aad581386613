package dev.semid.tokenizer.train;

import ai.djl.ndarray.NDArray;

/**
 * GRIT-VQ's generalized radius: the latent-side term is ρ(d), d = ||r − sg(c_k)||, with ρ' = g,
 * so the latent moves along u = (c_k − r)/d with step g(d) instead of d.
 * classic g = d (ρ = d²/2, recovers the STE commitment), constant g = λ (ρ = λd),
 * power g = λ·d^p (ρ = λ·d^{p+1}/(p+1)), saturating g = λ·d/(d+τ) (ρ = λ(d − τ·ln(1 + d/τ))).
 * This is the project's reading of the GRIT-VQ abstract (arXiv 2602.01140); its method section
 * was not available.
 */
public record RadiusFunction(Kind kind, double lambda, double power, double tau) {
    public enum Kind { CLASSIC, CONSTANT, POWER, SATURATING }

    public RadiusFunction {
        if (!(lambda > 0)) throw new IllegalArgumentException("grit lambda must be > 0, got " + lambda);
        if (!(power > 0)) throw new IllegalArgumentException("grit power must be > 0, got " + power);
        if (!(tau > 0)) throw new IllegalArgumentException("grit tau must be > 0, got " + tau);
    }

    public static RadiusFunction classic() { return new RadiusFunction(Kind.CLASSIC, 1, 1, 1); }

    public static RadiusFunction parse(String name, double lambda, double power, double tau) {
        Kind k;
        try {
            k = Kind.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown radius function '" + name + "': use classic, constant, power or saturating");
        }
        return new RadiusFunction(k, lambda, power, tau);
    }

    /** g(d), the step the latent takes along the quantization direction. */
    public double step(double d) {
        return switch (kind) {
            case CLASSIC -> d;
            case CONSTANT -> lambda;
            case POWER -> lambda * Math.pow(d, power);
            case SATURATING -> lambda * d / (d + tau);
        };
    }

    /** ρ of the per-row squared distances (B), elementwise; autograd gives ρ'(d) = g(d). */
    NDArray rho(NDArray squaredDistance) {
        if (kind == Kind.CLASSIC) return squaredDistance.mul(0.5f);
        NDArray d = squaredDistance.add(1e-12f).sqrt(); // the tiny shift keeps the gradient finite at d = 0
        return switch (kind) {
            case CONSTANT -> d.mul((float) lambda);
            case POWER -> d.pow((float) (power + 1)).mul((float) (lambda / (power + 1)));
            case SATURATING -> d.sub(d.div((float) tau).add(1f).log().mul((float) tau)).mul((float) lambda);
            case CLASSIC -> throw new AssertionError();
        };
    }
}
