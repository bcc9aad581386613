package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;

/**
 * One pre-norm transformer layer:
 * x ← x + drop(SelfAttn(LN(x))), [x ← x + drop(CrossAttn(LN(x), memory))], x ← x + drop(FFN(LN(x))).
 * Pre-norm trains stably without a long warm-up, which matters when an epoch costs minutes.
 */
public final class TransformerLayer {
    private final LayerNorm selfNorm, crossNorm, ffNorm;
    private final Attention self, cross;
    private final FeedForward ff;
    private final float dropout;

    public TransformerLayer(ParamStore p, String name, int dModel, int heads, int headDim, int ffDim, float dropout, boolean withCross) {
        this.selfNorm = new LayerNorm(p, name + ".selfNorm", dModel);
        this.self = new Attention(p, name + ".self", dModel, heads, headDim, dropout);
        this.crossNorm = withCross ? new LayerNorm(p, name + ".crossNorm", dModel) : null;
        this.cross = withCross ? new Attention(p, name + ".cross", dModel, heads, headDim, dropout) : null;
        this.ffNorm = new LayerNorm(p, name + ".ffNorm", dModel);
        this.ff = new FeedForward(p, name + ".ff", dModel, ffDim, dropout);
        this.dropout = dropout;
    }

    /** This layer's cross-attention keys and values of an encoder memory [B, Tk, d]. */
    public NDArray[] memory(NDArray encoded) {
        return cross.project(encoded);
    }

    /** Self-attention only (an encoder or decoder-only layer). */
    public NDArray apply(NDArray x, NDArray selfMask, Mode mode) {
        return apply(x, selfMask, null, null, mode);
    }

    /** @param memory this layer's {@link #memory} of the encoder output, or null without cross-attention */
    public NDArray apply(NDArray x, NDArray selfMask, NDArray[] memory, NDArray crossMask, Mode mode) {
        NDArray h = selfNorm.apply(x);
        x = x.add(mode.dropout(self.apply(h, h, selfMask, mode), dropout));
        if (cross != null) x = x.add(mode.dropout(cross.attend(crossNorm.apply(x), memory, crossMask, mode), dropout));
        return x.add(mode.dropout(ff.apply(ffNorm.apply(x), mode), dropout));
    }
}
