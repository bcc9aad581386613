package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.rq.NearestCode;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means: minimise Σ_i ||x_i − c_{a(i)}||² over centers c and assignment a.
 * k-means++ seeding (D² sampling) or {@link ProgressiveDimSeeding}, Lloyd iterations, empty clusters re-seeded from the points
 * with the largest error, optionally a capped assignment (|cluster| ≤ ceil(cap·N/K); cap 1 is balanced).
 * Deterministic for a seed: randomness comes only from {@link SplittableRandom}(seed) and
 * parallel work is reduced in a fixed chunk order.
 */
public final class KMeans {
    private final KMeansConfig config;

    public KMeans(KMeansConfig config) { this.config = config; }

    /** Result: K×d centers, the assignment of every row, and the final mean squared error per point. */
    public record Result(Matrix centers, int[] assignment, double meanSquaredError, int iterations) {}

    public Result fit(Matrix x, int k) { return fit(x, k, it -> {}); }

    /** As {@link #fit(Matrix, int)}, telling {@code onIteration} each finished Lloyd iteration (1-based). */
    public Result fit(Matrix x, int k, java.util.function.IntConsumer onIteration) {
        if (x.rows() == 0) throw new IllegalArgumentException("k-means on an empty set");
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        SplittableRandom rnd = new SplittableRandom(config.seed());
        Seeding seeding = config.seeding().resolve(x.rows(), k);
        float[] centers = seeding == Seeding.PROGRESSIVE_DIMS ? ProgressiveDimSeeding.centers(x, k, config, rnd) : null;
        if (centers == null) centers = seed(x, k, rnd);
        if (config.miniBatch() > 0 && config.miniBatch() < x.rows() && !config.capped())
            return miniBatch(x, centers, k, config, rnd, onIteration);
        return lloyd(x, centers, k, config.iterations(), config.tolerance(), config.cap(), rnd, onIteration);
    }

    /**
     * Mini-batch k-means (Sculley 2010): each pass visits the rows once in shuffled batches; every
     * row moves its nearest centre c towards it with step 1/n_c, n_c the rows c has taken so far,
     * so each centre is the running mean of its points. Centres that took no row in a pass restart
     * on the worst-fit rows of the pass's last batch. Stops after {@code config.iterations()} passes
     * or when the objective summed over a pass drops by less than the tolerance; ends with an exact
     * assignment of all rows. Sequential updates in a seeded order: deterministic for a seed.
     */
    static Result miniBatch(Matrix x, float[] centers, int k, KMeansConfig config, SplittableRandom rnd,
                            java.util.function.IntConsumer onIteration) {
        int n = x.rows(), d = x.cols(), b = config.miniBatch();
        float[] data = x.data();
        long[] taken = new long[k];
        int[] batchCodes = new int[b];
        float[] batchErr = new float[b];
        double prev = Double.POSITIVE_INFINITY;
        int pass = 0;
        while (pass < config.iterations()) {
            pass++;
            int[] order = dev.semid.tokenizer.data.Permutation.of(n, rnd);
            int[] takenThisPass = new int[k];
            double obj = 0;
            Matrix batch = null;
            for (int from = 0; from < n; from += b) {
                batch = x.select(Arrays.copyOfRange(order, from, Math.min(n, from + b)));
                obj += assign(batch, centers, k, batchCodes, batchErr);
                float[] bd = batch.data();
                for (int i = 0; i < batch.rows(); i++) {
                    int c = batchCodes[i];
                    takenThisPass[c]++;
                    float eta = (float) (1.0 / ++taken[c]);
                    for (int j = 0, co = c * d, o = i * d; j < d; j++) centers[co + j] += eta * (bd[o + j] - centers[co + j]);
                }
            }
            int[] worst = restartRows(takenThisPass, batchErr, batch.rows());
            for (int c = 0, w = 0; c < k && w < worst.length; c++)
                if (takenThisPass[c] == 0) {
                    System.arraycopy(batch.data(), worst[w++] * d, centers, c * d, d);
                    taken[c] = 0;
                }
            onIteration.accept(pass);
            if (prev - obj <= config.tolerance() * Math.max(prev, 1e-30) && pass > 1) break;
            prev = obj;
        }
        int[] assign = new int[n];
        float[] err = new float[n];
        double obj = assign(x, centers, k, assign, err);
        return new Result(new Matrix(k, d, centers), assign, obj / n, pass);
    }

    /**
     * Lloyd iterations from the given k × d centres (updated in place) until {@code iterations}
     * or a relative drop of the objective below {@code tolerance}, then a final assignment.
     */
    static Result lloyd(Matrix x, float[] centers, int k, int iterations, double tolerance, double cap, SplittableRandom rnd,
                        java.util.function.IntConsumer onIteration) {
        int n = x.rows(), d = x.cols();
        int[] assign = new int[n];
        float[] err = new float[n];
        double prev = Double.POSITIVE_INFINITY, obj;
        int it = 0;
        while (it < iterations) {
            it++;
            obj = cap > 0 ? assignCapped(x, centers, k, cap, assign, err) : assign(x, centers, k, assign, err);
            updateCenters(x, centers, k, assign, err, rnd);
            onIteration.accept(it);
            if (prev - obj <= tolerance * Math.max(prev, 1e-30) && it > 1) break;
            prev = obj;
        }
        obj = cap > 0 ? assignCapped(x, centers, k, cap, assign, err) : assign(x, centers, k, assign, err);
        return new Result(new Matrix(k, d, centers), assign, obj / n, it);
    }

    /**
     * Nearest-center assignment of all rows (no balancing) with the encoder's SIMD kernel where the
     * CPU has one; returns Σ squared error, each row's error computed exactly from its center.
     */
    static double assign(Matrix x, float[] centers, int k, int[] assign, float[] err) {
        int d = x.cols();
        float[] data = x.data();
        NearestCode search = NearestCode.fast() ? new NearestCode(new Matrix(k, d, centers)) : null;
        double[] partial = new double[Parallel.chunks(x.rows())];
        Parallel.forChunks(x.rows(), (c, from, to) -> {
            if (search != null) search.assign(data, from, to, assign);
            else for (int i = from; i < to; i++) assign[i] = Distances.nearest(data, i * d, centers, k, d);
            partial[c] = errors(data, centers, d, from, to, assign, err);
        });
        double total = 0;
        for (double p : partial) total += p;
        return total;
    }

    /** err[i] = ||x_i − c_{assign[i]}||², exactly, for rows [from, to); returns their sum. */
    private static double errors(float[] data, float[] centers, int d, int from, int to, int[] assign, float[] err) {
        double s = 0;
        for (int i = from; i < to; i++) {
            err[i] = Distances.squared(data, i * d, centers, assign[i] * d, d);
            s += err[i];
        }
        return s;
    }

    /**
     * Capped assignment: points are placed in order of how much they would lose by not getting
     * their nearest center (largest regret first), each to its nearest center that still has room
     * for ceil(capFactor·N/K) points.
     */
    static double assignCapped(Matrix x, float[] centers, int k, double capFactor, int[] assign, float[] err) {
        int n = x.rows(), d = x.cols();
        float[] data = x.data();
        int cap = capSize(n, k, capFactor);
        float[] regret = new float[n];
        NearestCode search = NearestCode.fast() ? new NearestCode(new Matrix(k, d, centers)) : null;
        Parallel.forChunks(n, (c, from, to) -> {
            if (search != null) {
                search.assignWithGap(data, from, to, assign, regret);
                errors(data, centers, d, from, to, assign, err);
                return;
            }
            for (int i = from; i < to; i++) {
                float b1 = Float.POSITIVE_INFINITY, b2 = Float.POSITIVE_INFINITY;
                int best = 0;
                for (int j = 0; j < k; j++) {
                    float dist = Distances.squared(data, i * d, centers, j * d, d);
                    if (dist < b1) { b2 = b1; b1 = dist; best = j; } else if (dist < b2) b2 = dist;
                }
                assign[i] = best;
                err[i] = b1;
                regret[i] = k == 1 ? 0 : b2 - b1;
            }
        });
        // largest regret first, ties by row: one primitive sort of (descending regret bits, row) keys, no boxing
        long[] order = new long[n];
        for (int i = 0; i < n; i++) order[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(Math.max(0f, regret[i]))) << 32) | i;
        Arrays.sort(order);
        int[] size = new int[k];
        double total = 0;
        for (long key : order) {
            int idx = (int) key;
            int best = assign[idx];
            if (size[best] >= cap) {
                float bd = Float.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (size[j] >= cap) continue;
                    float dist = Distances.squared(data, idx * d, centers, j * d, d);
                    if (dist < bd) { bd = dist; best = j; }
                }
                assign[idx] = best;
                err[idx] = bd;
            }
            size[best]++;
            total += err[idx];
        }
        return total;
    }

    /** The most points a cluster may take: ceil(capFactor·N/K), never below ceil(N/K) so every point fits. */
    static int capSize(int n, int k, double capFactor) {
        return (int) Math.max((n + (long) k - 1) / k, (long) Math.ceil(capFactor * n / k));
    }

    private static void updateCenters(Matrix x, float[] centers, int k, int[] assign, float[] err, SplittableRandom rnd) {
        int n = x.rows(), d = x.cols();
        float[] data = x.data();
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        for (int i = 0; i < n; i++) {
            int c = assign[i];
            counts[c]++;
            int o = i * d, co = c * d;
            for (int j = 0; j < d; j++) sums[co + j] += data[o + j];
        }
        int[] worst = restartRows(counts, err, n);
        int w = 0;
        for (int c = 0; c < k; c++) {
            int co = c * d;
            if (counts[c] == 0) {
                int p = w < worst.length ? worst[w++] : rnd.nextInt(n);
                System.arraycopy(data, p * d, centers, co, d);
                err[p] = 0;
                continue;
            }
            for (int j = 0; j < d; j++) centers[co + j] = (float) (sums[co + j] / counts[c]);
        }
    }

    /**
     * Where centres that took no row restart: the rows with the largest error, one per such centre,
     * largest first (at most {@code rows}, the rows of err that count).
     */
    private static int[] restartRows(int[] taken, float[] err, int rows) {
        int idle = 0;
        for (int t : taken) if (t == 0) idle++;
        return idle == 0 ? new int[0] : largest(rows == err.length ? err : Arrays.copyOf(err, rows), Math.min(idle, rows));
    }

    /** Indices of the m largest values, largest first (ties: lower index first). */
    private static int[] largest(float[] v, int m) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> {
            int c = Float.compare(v[b], v[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[m];
        for (int i = 0; i < m; i++) out[i] = idx[i];
        return out;
    }

    /** k-means++: first center uniform, each next one drawn with probability ∝ D²(x). */
    private float[] seed(Matrix x, int k, SplittableRandom rnd) {
        int n = x.rows(), d = x.cols();
        Matrix pool = x;
        if (n > config.seedSample()) pool = x.select(Permutation.sample(n, config.seedSample(), rnd));
        int m = pool.rows();
        float[] pd = pool.data();
        float[] centers = new float[k * d];
        float[] dist = new float[m];
        Arrays.fill(dist, Float.POSITIVE_INFINITY);
        int first = rnd.nextInt(m);
        System.arraycopy(pd, first * d, centers, 0, d);
        for (int c = 1; c < k; c++) {
            final int prevC = c - 1;
            double[] partial = new double[Parallel.chunks(m)];
            Parallel.forChunks(m, (ch, from, to) -> {
                double s = 0;
                for (int i = from; i < to; i++) {
                    float dd = Distances.squared(pd, i * d, centers, prevC * d, d);
                    if (dd < dist[i]) dist[i] = dd;
                    s += dist[i];
                }
                partial[ch] = s;
            });
            double total = 0;
            for (double p : partial) total += p;
            int chosen;
            if (total <= 0) {
                chosen = rnd.nextInt(m); // all points coincide with centers: any point will do
            } else {
                double r = rnd.nextDouble() * total, acc = 0;
                chosen = m - 1;
                for (int i = 0; i < m; i++) {
                    acc += dist[i];
                    if (acc >= r) { chosen = i; break; }
                }
            }
            System.arraycopy(pd, chosen * d, centers, c * d, d);
        }
        return centers;
    }
}
