package dev.semid.lab.simulation;

import ai.djl.ndarray.NDArray;

/**
 * Vanilla VQ: only the codebook loss L = (1/N) Σ_i ||c_{k_i} − sg(z_i)||², SGD with momentum 0.9
 * (lr 1.0 in the paper). Codes that no sample picks get no gradient: with the features shifted
 * by μ = 8 from the initialisation one code captures everything and the rest never move.
 */
final class VanillaVq extends CodebookSgd {
    static final double LR = 1.0;

    VanillaVq(float[] init, int k, int d, double lr) { super(init, k, d, lr); }

    @Override public String name() { return "vanilla"; }

    @Override protected NDArray loss(NDArray chosen, NDArray z, float[] samples, int n) {
        return commitment(chosen, z);
    }
}
