package dev.semid.lab.simulation;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import java.util.List;

/**
 * Shared machinery of the methods that train the codebook C itself by gradient: assign each
 * sample to its nearest code (exact, on the current C), build the method's loss with DJL on
 * the chosen rows C[k_i], backpropagate, one momentum-SGD step (torch semantics). A float copy
 * of C is kept for the nearest-code search.
 */
abstract class CodebookSgd implements SimulatedQuantizer {
    static final double MOMENTUM = 0.9;

    protected final int k, d;
    protected final NDManager manager;
    protected final NDArray codebook;
    protected float[] mirror;
    private final Sgd sgd;

    CodebookSgd(float[] init, int k, int d, double lr) {
        this.k = k;
        this.d = d;
        this.manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
        this.codebook = manager.create(init.clone(), new Shape(k, d));
        codebook.setRequiresGradient(true);
        this.mirror = init.clone();
        this.sgd = new Sgd(manager, List.of(codebook), lr, MOMENTUM);
    }

    /** The method's loss; {@code chosen} = C[k_i] with its gradient path, {@code z} the samples (n × d). */
    protected abstract NDArray loss(NDArray chosen, NDArray z, float[] samples, int n);

    /** mean_i ||c_{k_i} − sg(z_i)||², summed over dimensions. */
    static NDArray commitment(NDArray chosen, NDArray z) {
        return chosen.sub(z).square().sum(new int[] {1}).mean();
    }

    @Override public void step(float[] samples) {
        int n = samples.length / d;
        int[] idx = new int[n];
        NearestSearch.build(mirror, k, d).nearest(samples, n, idx, null);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray z = manager.create(samples, new Shape(n, d));
            NDArray rows = manager.create(idx);
            try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                gc.backward(loss(codebook.get(new NDIndex("{}", rows)), z, samples, n));
            }
            sgd.step();
        }
        mirror = codebook.toFloatArray();
    }

    @Override public float[] codebook() { return mirror.clone(); }

    @Override public void close() { manager.close(); }
}
