package dev.semid.tokenizer.rq;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Residual quantization of a batch of NDArrays, the engine for PyTorch inference and training:
 * k_l = argmin_k (||c_{l,k}||² − 2 r_l·c_{l,k}), r_{l+1} = r_l − sg(c_{l,k_l}), ẑ = Σ_l c_{l,k_l}, r_0 = z.
 * The stop-gradient (sg) changes no value: in training it keeps the next level's residual from
 * pulling on this level's codebook, so r_l keeps only its path to the encoder.
 */
public final class NdResidualQuantizer {
    private NdResidualQuantizer() {}

    /**
     * All levels, the codebook of each made when its level is reached: in training that keeps the
     * autograd graph, and so the order gradients are summed in, as it was built level by level.
     */
    public static NdEncoding encode(NDArray z, int levels, IntFunction<NdCodebook> level) {
        NDArray r = z, zq = null;
        List<NDArray> books = new ArrayList<>(), residuals = new ArrayList<>(), chosen = new ArrayList<>(), indices = new ArrayList<>();
        for (int l = 0; l < levels; l++) {
            NdCodebook book = level.apply(l);
            NdStep s = step(r, book);
            books.add(book.codes());
            residuals.add(r);
            chosen.add(s.chosen());
            indices.add(s.indices());
            r = s.next();
            zq = zq == null ? s.chosen() : zq.add(s.chosen());
        }
        return new NdEncoding(books, residuals, chosen, indices, zq);
    }

    /** One level: the nearest code to every row of r (searched without gradient), and r − sg(c_k). */
    public static NdStep step(NDArray r, NdCodebook book) {
        NDArray idx = nearest(r.stopGradient(), book.minusTwoTransposed(), book.squaredNorms());
        // the rows of C belong to this batch's manager, not the codebook's, which lives as long as the model
        NDArray q = book.codes().get(r.getManager(), new NDIndex("{}", idx));
        return new NdStep(idx, q, r.sub(q.stopGradient()));
    }

    /** argmin_k (r·(−2c_k) + ||c_k||²) per row: ||r||² does not change the argmin, so it is left out. */
    private static NDArray nearest(NDArray r, NDArray minusTwoCodebookT, NDArray codebookSquaredNorms) {
        return r.matMul(minusTwoCodebookT).addi(codebookSquaredNorms).argMin(1);
    }
}
