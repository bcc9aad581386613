package dev.semid.lab.bench;

import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;

/** Encoding speed of a tokenizer, embeddings → codes: throughput on a large matrix and latency per item in small batches. */
final class EncodeRate {
    private EncodeRate() {}

    /** Best of 3 passes over all of x, after a warm-up. */
    static double itemsPerSecond(Tokenizer t, Matrix x) {
        t.codes(x.slice(0, Math.min(x.rows(), 8192))); // warm-up
        double best = 0;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            t.codes(x);
            best = Math.max(best, x.rows() / ((System.nanoTime() - t0) / 1e9));
        }
        return best;
    }

    /** Mean wall time per item over consecutive batches of {@code batch} rows of x, best of 3 passes (the first one's warm-up does not count). */
    static double microsPerItem(Tokenizer t, Matrix x, int batch) {
        int n = x.rows() / batch * batch;
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += batch) t.codes(x.slice(from, from + batch));
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / n);
        }
        return best;
    }

    /** x repeated row by row to {@code rows} rows: a throughput run larger than the catalogue. */
    static Matrix tile(Matrix x, int rows) {
        Matrix out = Matrix.zeros(rows, x.cols());
        for (int i = 0; i < rows; i++)
            System.arraycopy(x.data(), (i % x.rows()) * x.cols(), out.data(), i * x.cols(), x.cols());
        return out;
    }
}
