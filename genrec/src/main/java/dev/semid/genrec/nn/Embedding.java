package dev.semid.genrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** A table of V rows of width d, looked up by integer index arrays of any shape: out = E[idx] (shape idx × d). */
public final class Embedding {
    private final NDArray table;

    public Embedding(ParamStore p, String name, int rows, int dim, double std) {
        this.table = p.normal(name, std, true, rows, dim);
    }

    public NDArray table() { return table; }

    public NDArray lookup(NDArray idx) {
        Shape s = idx.getShape();
        NDArray rows = table.get(new NDIndex("{}", idx.reshape(s.size())));
        return rows.reshape(s.addAll(new Shape(table.getShape().get(1))));
    }
}
