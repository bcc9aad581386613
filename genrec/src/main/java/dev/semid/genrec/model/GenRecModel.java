package dev.semid.genrec.model;

import dev.semid.genrec.decode.Ranking;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.nn.ParamStore;

import java.util.List;

/**
 * A sequential recommender over a catalogue of items 0..n−1: trained on item sequences, asked
 * for the best next items of a history. Histories are catalogue indices, oldest first; only the
 * last {@link GenRecConfig#maxHistory()} items are read.
 */
public abstract class GenRecModel implements AutoCloseable {
    protected final GenRecConfig cfg;
    protected final NDManager manager;
    protected final ParamStore params;
    protected final int items;

    protected GenRecModel(GenRecConfig cfg, int items, Device device) {
        this.cfg = cfg;
        this.items = items;
        this.manager = NDManager.newBaseManager(device, "PyTorch");
        this.params = new ParamStore(manager, device, cfg.seed());
    }

    public GenRecConfig config() { return cfg; }
    public ParamStore params() { return params; }
    public int items() { return items; }

    /**
     * How the trainer feeds it: {@code true}, whole sequences whose every position predicts the
     * next item (all positions trained at once); {@code false}, one (history, target) example per
     * sequence, the target last.
     */
    public abstract boolean causal();

    /** Mean negative log-likelihood of the batch's targets with dropout on; called inside a gradient collector. */
    public abstract NDArray loss(List<int[]> batch);

    /** log p(target | history) for each case, dropout off, computed the way training computes it (teacher forcing). */
    public abstract float[] logLikelihood(int[][] histories, int[] targets);

    /** The best {@code k} items of each history, best first. */
    public abstract Ranking recommend(int[][] histories, int k);

    @Override public void close() { manager.close(); }
}
