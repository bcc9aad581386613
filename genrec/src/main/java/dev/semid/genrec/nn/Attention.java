package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;

/**
 * Multi-head scaled dot-product attention:
 * head_h = softmax(Q_h K_hᵀ / √d_k + M) V_h, out = [head_1 … head_H]·W_o, with Q = x·W_q,
 * K = m·W_k, V = m·W_v (m = x for self-attention). M is additive (0 or a large negative): it
 * hides future positions and padding. Heads × d_k need not equal d_model (T5: 6 × 64 on 128).
 * Keys and values of a fixed memory can be projected once ({@link #project}) and attended to
 * by many queries ({@link #attend}).
 */
public final class Attention {
    private final Linear q, k, v, o;
    private final int heads, headDim;
    private final float dropout;

    public Attention(ParamStore p, String name, int dModel, int heads, int headDim, float dropout) {
        this.q = new Linear(p, name + ".q", dModel, heads * headDim, true);
        this.k = new Linear(p, name + ".k", dModel, heads * headDim, true);
        this.v = new Linear(p, name + ".v", dModel, heads * headDim, true);
        this.o = new Linear(p, name + ".o", heads * headDim, dModel, true);
        this.heads = heads;
        this.headDim = headDim;
        this.dropout = dropout;
    }

    /**
     * @param x    queries' input [B, Tq, d]
     * @param m    keys' and values' input [B, Tk, d]
     * @param mask additive, broadcastable to [B, heads, Tq, Tk]
     */
    public NDArray apply(NDArray x, NDArray m, NDArray mask, Mode mode) {
        return attend(x, project(m), mask, mode);
    }

    /** {K, V} of a memory [B, Tk, d], split into heads: two [B, heads, Tk, d_k]. */
    public NDArray[] project(NDArray m) {
        long b = m.getShape().get(0), t = m.getShape().get(1);
        return new NDArray[] {split(k.apply(m), b, t), split(v.apply(m), b, t)};
    }

    /** Attention of queries' input x [B, Tq, d] to projected keys and values. */
    public NDArray attend(NDArray x, NDArray[] keysValues, NDArray mask, Mode mode) {
        long b = x.getShape().get(0), tq = x.getShape().get(1);
        NDArray qh = split(q.apply(x), b, tq);
        NDArray scores = qh.matMul(keysValues[0].transpose(0, 1, 3, 2)).muli(1f / (float) Math.sqrt(headDim)).addi(mask);
        NDArray weights = mode.dropout(scores.softmax(-1), dropout);
        NDArray out = weights.matMul(keysValues[1]).transpose(0, 2, 1, 3).reshape(b, tq, (long) heads * headDim);
        return o.apply(out);
    }

    private NDArray split(NDArray x, long b, long t) {
        return x.reshape(b, t, heads, headDim).transpose(0, 2, 1, 3);
    }
}
