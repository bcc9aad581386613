package dev.semid.lab.simulation;

import java.util.stream.IntStream;

/**
 * Exact nearest point: for each query q, k* = argmin_k D(q, p_k) with
 * D = Σ_j (q_j − p_kj)² summed in float from j = 0, ties to the lowest index — the answer of
 * {@link #bruteForce}, bit for bit.
 * <p>
 * A kd-tree (median split of the widest side) searched depth first, nearer child first, with
 * the incremental cell bound of Arya and Mount: rd = Σ_j off_j², off_j = the gap between q_j
 * and the node's extent along j, updated in O(1) when entering the far child. Extents along a
 * split dimension are the children's real ones (max of the left, min of the right), so a cell
 * never reaches past its points. A subtree is skipped only when rd > best · (1 + 1e-5): rd is
 * kept in double with non-negative increments (relative error ~1e-14) and a float distance is
 * at least (1 − 10·2⁻²⁴) times the exact one, so the slack guarantees every skipped point's
 * float distance is strictly above best — no point that could win or tie is ever skipped.
 * <p>
 * Two exact paths, picked per call from the data: the tree, and a full scan vectorised across
 * points. The score-matrix route (N×K GEMM then argmin) is memory-bound with d = 8; the tree
 * visits a handful of points a query while a codebook is collapsed and ~5% of them when codes
 * and samples overlap, but most of them when the codes sit outside the sample cloud (a codebook
 * in transit), where its per-point cost loses to the scan. A probe of the first queries decides
 * (see {@link #SCAN_SHARE}).
 */
public final class NearestSearch {
    /** Points per leaf: 4–32 measured within ~20% of each other on overlapping codes and samples. */
    static final int LEAF = 8;
    private static final int CHUNK = 512, PROBE = 256;
    /**
     * Scan instead of search when the probe visits more than this share of the points a query:
     * a visited point costs the tree ≈9 ns (scalar distance plus its share of the traversal),
     * a scanned one ≈0.7 ns, so the break-even is near 7%. Measured (K = 16,384, d = 8, 2 cores
     * shared with other jobs, µs of wall time a query):
     * codes matching the samples 5% visited, tree 8.1 µs against scan 10.9 µs a query;
     * a collapsed codebook 0.2 µs against 10.5; codebook mean 4 away from the samples' 23 against 13;
     * 8 away (all codes outside the cloud) 39 against 11.
     */
    static final double SCAN_SHARE = 0.07;
    private static final double SLACK = 1 + 1e-5;

    private final int n, d;
    private final float[] points; // row-major in tree order
    private final float[][] cols; // cols[j][k]: coordinate j of point k, original order, for the scan
    private final int[] order;    // tree position → original point index
    private final double[] rootLo, rootHi;
    // Per node: children (−1 for a leaf), split dimension, left child's max and right child's
    // min along it; for leaves the [start, end) range of tree positions.
    private final int[] left, right, dim, start, end;
    private final float[] leftHi, rightLo;
    private int nodes;

    private NearestSearch(int n, int d, int leaf) {
        this.n = n;
        this.d = d;
        points = new float[n * d];
        cols = new float[d][n];
        order = new int[n];
        rootLo = new double[d];
        rootHi = new double[d];
        int maxNodes = 4 * ((n + leaf - 1) / leaf) + 1;
        left = new int[maxNodes];
        right = new int[maxNodes];
        dim = new int[maxNodes];
        start = new int[maxNodes];
        end = new int[maxNodes];
        leftHi = new float[maxNodes];
        rightLo = new float[maxNodes];
    }

    /** Builds the tree over n points stored row-major (n × d) in {@code points}; the array is only read. */
    public static NearestSearch build(float[] points, int n, int d) {
        return build(points, n, d, LEAF);
    }

    static NearestSearch build(float[] p, int n, int d, int leaf) {
        if (n < 1 || d < 1 || leaf < 1 || p.length < (long) n * d)
            throw new IllegalArgumentException("need n ≥ 1 points of d ≥ 1 floats, got n=" + n + ", d=" + d + ", " + p.length + " floats");
        for (int i = 0; i < n * d; i++)
            if (!Float.isFinite(p[i])) throw new IllegalArgumentException("point " + i / d + " is not finite");
        NearestSearch s = new NearestSearch(n, d, leaf);
        for (int i = 0; i < n; i++) s.order[i] = i;
        float[] lo = new float[d], hi = new float[d];
        s.box(p, 0, n, lo, hi);
        for (int j = 0; j < d; j++) {
            s.rootLo[j] = lo[j];
            s.rootHi[j] = hi[j];
        }
        s.buildNode(p, 0, n, leaf, lo, hi);
        for (int t = 0; t < n; t++) System.arraycopy(p, s.order[t] * d, s.points, t * d, d);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) s.cols[j][i] = p[i * d + j];
        return s;
    }

    public int size() { return n; }

    public int dim() { return d; }

    private void box(float[] p, int from, int to, float[] lo, float[] hi) {
        java.util.Arrays.fill(lo, Float.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Float.NEGATIVE_INFINITY);
        for (int i = from; i < to; i++) {
            int r = order[i] * d;
            for (int j = 0; j < d; j++) {
                float v = p[r + j];
                if (v < lo[j]) lo[j] = v;
                if (v > hi[j]) hi[j] = v;
            }
        }
    }

    private int buildNode(float[] p, int from, int to, int leaf, float[] lo, float[] hi) {
        int node = nodes++;
        start[node] = from;
        end[node] = to;
        if (to - from <= leaf) {
            left[node] = right[node] = -1;
            return node;
        }
        int split = 0;
        float widest = -1;
        for (int j = 0; j < d; j++)
            if (hi[j] - lo[j] > widest) { widest = hi[j] - lo[j]; split = j; }
        int mid = from + (to - from) / 2;
        select(p, from, to - 1, mid, split);
        dim[node] = split;
        float[] clo = new float[d], chi = new float[d];
        box(p, from, mid, clo, chi);
        leftHi[node] = chi[split];
        left[node] = buildNode(p, from, mid, leaf, clo, chi);
        box(p, mid, to, clo, chi);
        rightLo[node] = clo[split];
        right[node] = buildNode(p, mid, to, leaf, clo, chi);
        return node;
    }

    /** Quickselect on order[lo..hi] by coordinate {@code j}: afterwards everything before k is ≤ everything from k on. */
    private void select(float[] p, int lo, int hi, int k, int j) {
        while (hi > lo) {
            float pivot = p[order[(lo + hi) >>> 1] * d + j];
            int a = lo, b = hi;
            while (a <= b) {
                while (p[order[a] * d + j] < pivot) a++;
                while (p[order[b] * d + j] > pivot) b--;
                if (a <= b) {
                    int t = order[a]; order[a] = order[b]; order[b] = t;
                    a++;
                    b--;
                }
            }
            if (k <= b) hi = b;
            else if (k >= a) lo = a;
            else return;
        }
    }

    /**
     * Nearest point of each of the m queries (row-major m × d): its index into {@code index}
     * and its float squared distance into {@code dist} (either may be null). Runs on all cores
     * in fixed chunks; each answer depends on its query alone, hence deterministic.
     */
    public void nearest(float[] queries, int m, int[] index, float[] dist) {
        nearest(queries, m, index, dist, SCAN_SHARE);
    }

    /** As {@link #nearest(float[], int, int[], float[])} with the switch point given: 0 always scans, > 1 never does. */
    void nearest(float[] queries, int m, int[] index, float[] dist, double scanShare) {
        if (queries.length < (long) m * d) throw new IllegalArgumentException(m + " queries need " + (long) m * d + " floats");
        // Probe with the tree; where it would visit much of the set anyway (queries far from
        // the points, a codebook in transit), the vectorised full scan is cheaper. Both give the
        // same answers and the choice depends on the data only, so results stay deterministic.
        int probe = Math.min(m, PROBE);
        Scratch first = new Scratch(d, 0);
        long visited = 0;
        for (int i = 0; i < probe; i++) {
            query(queries, i * d, first);
            visited += first.visited;
            first.visited = 0;
            if (index != null) index[i] = first.bestIndex;
            if (dist != null) dist[i] = first.best;
        }
        boolean scan = visited > scanShare * n * probe;
        int rest = m - probe, chunks = (rest + CHUNK - 1) / CHUNK;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            Scratch s = new Scratch(d, scan ? n : 0);
            for (int i = probe + c * CHUNK, e = Math.min(m, probe + (c + 1) * CHUNK); i < e; i++) {
                if (scan) scan(queries, i * d, s);
                else query(queries, i * d, s);
                if (index != null) index[i] = s.bestIndex;
                if (dist != null) dist[i] = s.best;
            }
        });
    }

    private static final class Scratch {
        final float[] q, acc;
        final double[] off;
        float best;
        int bestIndex;
        long visited;

        Scratch(int d, int scanSize) {
            q = new float[d];
            off = new double[d];
            acc = new float[scanSize];
        }
    }

    /** Full scan of one query. */
    private void scan(float[] queries, int qo, Scratch s) {
        float[] acc = s.acc;
        if (d == 8) distances8(cols, queries, qo, acc, n);
        else {
            for (int t = 0; t < n; t++) {
                float sum = 0;
                for (int j = 0; j < d; j++) {
                    float diff = queries[qo + j] - cols[j][t];
                    sum += diff * diff;
                }
                acc[t] = sum;
            }
        }
        float best = Float.POSITIVE_INFINITY;
        int bestIndex = -1;
        for (int t = 0; t < n; t++)
            if (acc[t] < best) {
                best = acc[t];
                bestIndex = t;
            }
        s.best = best;
        s.bestIndex = bestIndex;
    }

    /**
     * All n distances for d = 8, summed left to right from dimension 0 like every other path.
     * Kept in exactly this shape — separate arrays, one store, the loop from 0 — because that is
     * what C2 vectorises across points (≈0.3 ns a point here against ≈2.5 scalar); a loop from a
     * non-zero start or over one array at several offsets stays scalar.
     */
    private static void distances8(float[][] c, float[] queries, int qo, float[] acc, int n) {
        float q0 = queries[qo], q1 = queries[qo + 1], q2 = queries[qo + 2], q3 = queries[qo + 3];
        float q4 = queries[qo + 4], q5 = queries[qo + 5], q6 = queries[qo + 6], q7 = queries[qo + 7];
        float[] c0 = c[0], c1 = c[1], c2 = c[2], c3 = c[3], c4 = c[4], c5 = c[5], c6 = c[6], c7 = c[7];
        for (int t = 0; t < n; t++) {
            float e0 = q0 - c0[t], e1 = q1 - c1[t], e2 = q2 - c2[t], e3 = q3 - c3[t];
            float e4 = q4 - c4[t], e5 = q5 - c5[t], e6 = q6 - c6[t], e7 = q7 - c7[t];
            acc[t] = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3 + e4 * e4 + e5 * e5 + e6 * e6 + e7 * e7;
        }
    }

    private void query(float[] queries, int qo, Scratch s) {
        System.arraycopy(queries, qo, s.q, 0, d);
        double rd = 0;
        for (int j = 0; j < d; j++) {
            double v = s.q[j], g = v < rootLo[j] ? rootLo[j] - v : v > rootHi[j] ? v - rootHi[j] : 0;
            s.off[j] = g;
            rd += g * g;
        }
        s.best = Float.POSITIVE_INFINITY;
        s.bestIndex = -1;
        search(0, rd, s);
    }

    private void search(int node, double rd, Scratch s) {
        int l = left[node];
        if (l < 0) {
            scanLeaf(node, s);
            return;
        }
        int j = dim[node];
        double v = s.q[j], lh = leftHi[node], rl = rightLo[node];
        boolean nearLeft = v - lh < rl - v;
        search(nearLeft ? l : right[node], rd, s);
        // The far child lies wholly beyond the split on this dimension: its gap only grows.
        double old = s.off[j];
        double gap = Math.max(old, nearLeft ? rl - v : v - lh);
        double far = rd + (gap - old) * (gap + old);
        if (far <= s.best * SLACK) {
            s.off[j] = gap;
            search(nearLeft ? right[node] : l, far, s);
            s.off[j] = old;
        }
    }

    private void scanLeaf(int node, Scratch s) {
        float[] q = s.q, p = points;
        float best = s.best;
        int bestIndex = s.bestIndex;
        int from = start[node], to = end[node];
        s.visited += to - from;
        if (d == 8) {
            float q0 = q[0], q1 = q[1], q2 = q[2], q3 = q[3], q4 = q[4], q5 = q[5], q6 = q[6], q7 = q[7];
            for (int t = from; t < to; t++) {
                int o = t * 8;
                float e0 = q0 - p[o], e1 = q1 - p[o + 1], e2 = q2 - p[o + 2], e3 = q3 - p[o + 3];
                float e4 = q4 - p[o + 4], e5 = q5 - p[o + 5], e6 = q6 - p[o + 6], e7 = q7 - p[o + 7];
                float sum = e0 * e0 + e1 * e1 + e2 * e2 + e3 * e3 + e4 * e4 + e5 * e5 + e6 * e6 + e7 * e7;
                if (sum <= best && (sum < best || order[t] < bestIndex)) {
                    best = sum;
                    bestIndex = order[t];
                }
            }
        } else {
            for (int t = from; t < to; t++) {
                float sum = 0;
                for (int j = 0, o = t * d; j < d; j++) {
                    float diff = q[j] - p[o + j];
                    sum += diff * diff;
                }
                if (sum <= best && (sum < best || order[t] < bestIndex)) {
                    best = sum;
                    bestIndex = order[t];
                }
            }
        }
        s.best = best;
        s.bestIndex = bestIndex;
    }

    /** The full scan the tree must agree with: same arithmetic, every point visited. */
    public static void bruteForce(float[] points, int n, float[] queries, int m, int d, int[] index, float[] dist) {
        IntStream.range(0, m).parallel().forEach(i -> {
            float best = Float.POSITIVE_INFINITY;
            int bi = -1;
            for (int k = 0; k < n; k++) {
                float sum = 0;
                for (int j = 0; j < d; j++) {
                    float diff = queries[i * d + j] - points[k * d + j];
                    sum += diff * diff;
                }
                if (sum < best) { best = sum; bi = k; }
            }
            if (index != null) index[i] = bi;
            if (dist != null) dist[i] = best;
        });
    }
}
