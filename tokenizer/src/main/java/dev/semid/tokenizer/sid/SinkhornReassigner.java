package dev.semid.tokenizer.sid;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * LC-Rec's collision remedy on the last level, run before the dedup token.
 *
 * <p>Per prefix (items sharing k_1..k_{L−1}) with last-level collisions: of each colliding tuple
 * the first item in {@link ItemIdOrder} keeps its code, the m others move to the f free codes of
 * the prefix (last-level codes no item of the prefix uses). The move follows the entropic
 * optimal-transport plan
 * <pre>
 *   P = argmin_{P ∈ U(a, b)} ⟨P, C⟩ − ε' H(P),   ε' = ε · scale,  scale = median(C)
 *   P_ij = exp(u_i − C_ij / ε' + v_j)             (Sinkhorn–Knopp in the log domain)
 * </pre>
 * where C_ij is moved item i's squared distance to free code j, every moved item carries mass
 * 1/S and every free code capacity 1/S, S = max(m, f). When m ≠ f one slack row (or column)
 * with constant cost takes the excess mass (f − m)/S (or (m − f)/S): that keeps the problem
 * balanced while letting the costs decide; with plain 1/m, 1/f marginals a single moved item
 * would be spread evenly over all free codes whatever its costs. A constant row or column cost
 * does not change the plan, so the slack's cost is 0.
 *
 * <p>Extraction is greedy and deterministic: (item, code) pairs by decreasing P_ij, ties by item
 * order then code; each item and each free code is used at most once, so min(m, f) items move.
 * Items left over (a prefix with more colliding items than free codes) keep colliding and get
 * dedup tokens later. Rounds repeat while a round moved something and collisions remain.
 * exp/log use {@link StrictMath} so the result is bit-identical on every JVM.
 */
public final class SinkhornReassigner {
    /** Stop Sinkhorn early once no potential moves by more than this (log units). */
    private static final double TOLERANCE = 1e-10;

    /** Returns new codes (the input is not modified); only last-level codes change. */
    public int[][] reassign(List<String> itemIds, int[][] codes, LastLevelCosts costs, CollisionConfig cfg) {
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(cfg, "config");
        String[] ids = SemanticIdAssigner.validate(itemIds, codes);
        int[][] cur = new int[codes.length][];
        for (int i = 0; i < codes.length; i++) cur[i] = codes[i].clone();
        if (cur.length == 0) return cur;
        int levels = cur[0].length;
        for (int round = 0; round < cfg.reassignRounds(); round++) {
            CodeGroups prefixes = CodeGroups.of(cur, levels - 1);
            boolean moved = false;
            for (int g = 0; g < prefixes.groupCount(); g++)
                if (prefixes.size(g) > 1) moved |= resolvePrefix(ids, cur, prefixes.members(g), costs, cfg);
            if (!moved) break;
        }
        return cur;
    }

    /** One prefix group; returns whether any item moved. */
    private static boolean resolvePrefix(String[] ids, int[][] cur, int[] members, LastLevelCosts costs,
                                         CollisionConfig cfg) {
        int last = cur[members[0]].length - 1;
        // Sort by (last code, item order): runs are the collision groups, their heads stay.
        Integer[] byCode = new Integer[members.length];
        for (int r = 0; r < members.length; r++) byCode[r] = members[r];
        Arrays.sort(byCode, (a, b) -> {
            int c = Integer.compare(cur[a][last], cur[b][last]);
            return c != 0 ? c : ItemIdOrder.INSTANCE.compare(ids[a], ids[b]);
        });
        int[] movers = new int[members.length];
        int m = 0;
        for (int r = 1; r < byCode.length; r++)
            if (cur[byCode[r]][last] == cur[byCode[r - 1]][last]) movers[m++] = byCode[r];
        if (m == 0) return false;
        movers = sortByItemOrder(ids, Arrays.copyOf(movers, m));

        float[][] rows = new float[m][];
        int k = -1;
        for (int i = 0; i < m; i++) {
            rows[i] = costs.costs(movers[i]);
            if (rows[i] == null) throw new IllegalArgumentException("no last-level costs for item '" + ids[movers[i]] + "'");
            if (k < 0) k = rows[i].length;
            if (rows[i].length != k)
                throw new IllegalArgumentException("item '" + ids[movers[i]] + "' has " + rows[i].length
                        + " last-level costs, item '" + ids[movers[0]] + "' has " + k);
            for (float c : rows[i])
                if (!Float.isFinite(c)) throw new IllegalArgumentException("non-finite last-level cost for item '" + ids[movers[i]] + "'");
        }
        boolean[] used = new boolean[k];
        for (int item : members) {
            int c = cur[item][last];
            if (c >= k)
                throw new IllegalArgumentException("item '" + ids[item] + "' has last-level code " + c
                        + ", outside the " + k + " codes its prefix's costs cover");
            used[c] = true;
        }
        int f = 0;
        int[] free = new int[k];
        for (int c = 0; c < k; c++) if (!used[c]) free[f++] = c;
        if (f == 0) return false;
        free = Arrays.copyOf(free, f);

        double[] cost = new double[m * f];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < f; j++) cost[i * f + j] = rows[i][free[j]];
        double[] logPlan = logPlan(cost, m, f, cfg.sinkhornEpsilon() * scale(cost), cfg.sinkhornIterations());

        // Greedy extraction: pair index p = i * f + j, so ties on the plan fall to item order, then code.
        Integer[] pairs = new Integer[m * f];
        for (int p = 0; p < pairs.length; p++) pairs[p] = p;
        Arrays.sort(pairs, (p, q) -> {
            int c = Double.compare(logPlan[q], logPlan[p]);
            return c != 0 ? c : Integer.compare(p, q);
        });
        boolean[] itemDone = new boolean[m], codeDone = new boolean[f];
        int moves = 0, target = Math.min(m, f);
        for (int p : pairs) {
            int i = p / f, j = p % f;
            if (itemDone[i] || codeDone[j]) continue;
            itemDone[i] = codeDone[j] = true;
            cur[movers[i]][last] = free[j];
            if (++moves == target) break;
        }
        return true;
    }

    /** Median cost (mean if the median is 0, 1 if all costs are 0): makes ε independent of the embedding scale. */
    static double scale(double[] cost) {
        double[] sorted = cost.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        if (median > 0) return median;
        double mean = 0;
        for (double c : cost) mean += c;
        mean /= n;
        return mean > 0 ? mean : 1.0;
    }

    /**
     * log P for the m × f real entries of the balanced entropic OT plan, with a slack row or column
     * (cost 0) when m ≠ f. Log-domain updates: u_i = log a_i − LSE_j(−C_ij/ε' + v_j),
     * v_j = log b_j − LSE_i(−C_ij/ε' + u_i); nothing underflows however small ε' is.
     */
    static double[] logPlan(double[] cost, int m, int f, double eps, int iterations) {
        int s = Math.max(m, f);
        int rows = m < f ? m + 1 : m;      // slack row when items are fewer than free codes
        int cols = m > f ? f + 1 : f;      // slack column when free codes are fewer than items
        double[] logK = new double[rows * cols];  // slack entries stay 0 (cost 0)
        for (int i = 0; i < m; i++)
            for (int j = 0; j < f; j++) logK[i * cols + j] = -cost[i * f + j] / eps;
        double[] logA = new double[rows], logB = new double[cols];
        Arrays.fill(logA, 0, m, -StrictMath.log(s));
        if (rows > m) logA[m] = StrictMath.log((double) (f - m) / s);
        Arrays.fill(logB, 0, f, -StrictMath.log(s));
        if (cols > f) logB[f] = StrictMath.log((double) (m - f) / s);

        double[] u = new double[rows], v = new double[cols], buf = new double[Math.max(rows, cols)];
        for (int it = 0; it < iterations; it++) {
            double change = 0;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) buf[j] = logK[i * cols + j] + v[j];
                double next = logA[i] - logSumExp(buf, cols);
                change = Math.max(change, Math.abs(next - u[i]));
                u[i] = next;
            }
            for (int j = 0; j < cols; j++) {
                for (int i = 0; i < rows; i++) buf[i] = logK[i * cols + j] + u[i];
                double next = logB[j] - logSumExp(buf, rows);
                change = Math.max(change, Math.abs(next - v[j]));
                v[j] = next;
            }
            if (it > 0 && change < TOLERANCE) break;
        }
        double[] logP = new double[m * f];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < f; j++) logP[i * f + j] = u[i] + logK[i * cols + j] + v[j];
        return logP;
    }

    private static double logSumExp(double[] x, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) max = Math.max(max, x[k]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double sum = 0;
        for (int k = 0; k < n; k++) sum += StrictMath.exp(x[k] - max);
        return max + StrictMath.log(sum);
    }

    private static int[] sortByItemOrder(String[] ids, int[] items) {
        Integer[] boxed = new Integer[items.length];
        for (int r = 0; r < items.length; r++) boxed[r] = items[r];
        Arrays.sort(boxed, (a, b) -> ItemIdOrder.INSTANCE.compare(ids[a], ids[b]));
        int[] out = new int[items.length];
        for (int r = 0; r < out.length; r++) out[r] = boxed[r];
        return out;
    }
}
