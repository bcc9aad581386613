package dev.semid.lab.simulation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * SGD with momentum as torch.optim.SGD (no dampening), in place: b ← μ·b + g, w ← w − lr·b.
 * With b starting at 0 the first step is b = g, as in torch. Call inside an NDScope (the update
 * makes temporaries); zeroes each gradient afterwards since GradientCollector does not.
 */
final class Sgd {
    private final List<NDArray> params;
    private final List<NDArray> buffers = new ArrayList<>();
    private final float lr, momentum;

    Sgd(NDManager stateManager, List<NDArray> params, double lr, double momentum) {
        this.params = List.copyOf(params);
        for (NDArray p : params) buffers.add(stateManager.zeros(p.getShape(), p.getDataType()));
        this.lr = (float) lr;
        this.momentum = (float) momentum;
    }

    void step() {
        for (int i = 0; i < params.size(); i++) {
            NDArray p = params.get(i), g = p.getGradient(), b = buffers.get(i);
            b.muli(momentum).addi(g);
            p.subi(b.mul(lr));
            g.subi(g);
        }
    }
}
