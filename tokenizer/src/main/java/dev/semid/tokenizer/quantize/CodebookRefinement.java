package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.rq.ResidualQuantizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Refines all levels' codebooks together after the greedy level-by-level fit. A round encodes
 * every item with the current codebooks (greedy residual search, as the tokenizer will), then
 * updates each level in turn to the least-squares optimum for those codes,
 * C_l[k] = mean over items with k_l = k of (x − Σ_{m≠l} C_m[k_m]),
 * one block of min_C Σ_i ||x_i − Σ_l C_l[k_{i,l}]||² at a time. Greedy k-means fits level l to
 * the residuals of levels < l only; here every level also sees what the later levels take.
 * Rounds stop when the encoded error no longer falls; the best codebooks seen are returned.
 */
final class CodebookRefinement {
    /** What refinement did: the encoded squared error before and after, and the rounds that improved it. */
    record Outcome(List<Matrix> codebooks, double errorBefore, double errorAfter, int rounds) {}

    private CodebookRefinement() {}

    static Outcome refine(Matrix x, List<Matrix> books, int maxRounds) {
        int n = x.rows(), d = x.cols();
        List<Matrix> best = books;
        double bestErr = Double.NaN, first = Double.NaN;
        int improved = 0;
        List<Matrix> current = books;
        for (int round = 0; round <= maxRounds; round++) {
            float[] e = x.data().clone();
            int[][] codes = new int[n][];
            ResidualQuantizer q = ResidualQuantizer.of(current);
            Parallel.forChunks(n, (c, from, to) -> q.encode(e, from, to, codes));
            double err = squaredSum(e);
            if (round == 0) first = bestErr = err;
            else if (err < bestErr) {
                bestErr = err;
                best = current;
                improved = round;
            } else break;
            if (round == maxRounds) break;
            current = sweep(e, codes, current, d);
        }
        return new Outcome(best, first, bestErr, improved);
    }

    /** One pass over the levels; e (x minus the reconstruction) is kept current as codes move. */
    private static List<Matrix> sweep(float[] e, int[][] codes, List<Matrix> books, int d) {
        int n = codes.length;
        List<Matrix> out = new ArrayList<>();
        for (Matrix m : books) out.add(new Matrix(m.rows(), d, m.data().clone()));
        for (int l = 0; l < out.size(); l++) {
            float[] c = out.get(l).data();
            int k = out.get(l).rows();
            double[] sums = new double[k * d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                int code = codes[i][l], co = code * d, eo = i * d;
                counts[code]++;
                for (int j = 0; j < d; j++) sums[co + j] += e[eo + j] + c[co + j];
            }
            float[] next = c.clone();
            for (int code = 0; code < k; code++)
                if (counts[code] > 0) for (int j = 0; j < d; j++) next[code * d + j] = (float) (sums[code * d + j] / counts[code]);
            for (int i = 0; i < n; i++) {
                int co = codes[i][l] * d, eo = i * d;
                for (int j = 0; j < d; j++) e[eo + j] += c[co + j] - next[co + j];
            }
            System.arraycopy(next, 0, c, 0, c.length);
        }
        return out;
    }

    private static double squaredSum(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return s;
    }
}
