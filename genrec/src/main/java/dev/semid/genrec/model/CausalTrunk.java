package dev.semid.genrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.nn.LayerNorm;
import dev.semid.genrec.nn.Masks;
import dev.semid.genrec.nn.Mode;
import dev.semid.genrec.nn.ParamStore;
import dev.semid.genrec.nn.TransformerLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * SASRec's sequence model: h = LN(Layers(dropout(x·√d + P))), causal attention, positions counted
 * from the most recent item (left padding puts it at T − 1 in every batch).
 */
final class CausalTrunk {
    private final NDArray positions;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm norm;
    private final int maxLength, dModel;
    private final float dropout;

    CausalTrunk(ParamStore p, GenRecConfig cfg, int maxLength) {
        this.maxLength = maxLength;
        this.dModel = cfg.dModel();
        this.dropout = (float) cfg.dropout();
        // small at first: the item set decides early on, recency is learned (on Beauty, unit scale validated lower)
        this.positions = p.normal("trunk.positions", 0.02, false, maxLength, cfg.dModel());
        for (int i = 0; i < cfg.layers(); i++)
            layers.add(new TransformerLayer(p, "trunk.layer" + i, cfg.dModel(), cfg.heads(), cfg.headDim(), cfg.ffDim(), dropout, false));
        this.norm = new LayerNorm(p, "trunk.norm", cfg.dModel());
    }

    /** @param x item representations [B, T, d]; returns [B, T, d] */
    NDArray apply(NDArray x, Padded in, Mode mode) {
        NDManager m = x.getManager();
        int t = in.length();
        if (t > maxLength) throw new IllegalArgumentException("sequence of " + t + " items, the model takes at most " + maxLength);
        NDArray h = x.mul((float) Math.sqrt(dModel)).add(positions.get(new NDIndex((maxLength - t) + ":")));
        h = mode.dropout(h, dropout);
        NDArray mask = Masks.causal(m, t).add(in.keyMask(m));
        for (TransformerLayer l : layers) h = l.apply(h, mask, mode);
        return norm.apply(h);
    }

    /** The representation at the last position of each sequence: [B, d]. */
    static NDArray last(NDArray h) {
        return h.get(new NDIndex(":, -1, :"));
    }
}
