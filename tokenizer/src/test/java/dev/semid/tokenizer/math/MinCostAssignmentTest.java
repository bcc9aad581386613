package dev.semid.tokenizer.math;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MinCostAssignmentTest {
    @Test void matchesExhaustiveSearchOnSmallMatrices() {
        Random rnd = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(7);
            double[][] cost = new double[n][n];
            for (double[] row : cost) for (int j = 0; j < n; j++) row[j] = rnd.nextInt(5) - rnd.nextDouble() * (trial % 2 == 0 ? 0 : 10);
            int[] sigma = MinCostAssignment.solve(cost);
            assertTrue(isPermutation(sigma), "trial " + trial);
            assertEquals(best(cost, new int[n], new boolean[n], 0), total(cost, sigma), 1e-9, "trial " + trial + ", n = " + n);
        }
    }

    @Test void recoversAHiddenPermutationOf256() {
        int n = 256;
        int[] hidden = dev.semid.tokenizer.data.Permutation.of(n, new java.util.SplittableRandom(5));
        double[][] cost = new double[n][n];
        Random rnd = new Random(9);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) cost[i][j] = -rnd.nextInt(10);
            cost[i][hidden[i]] = -100;
        }
        assertArrayEquals(hidden, MinCostAssignment.solve(cost));
    }

    @Test void refusesWhatItCannotSolve() {
        assertThrows(IllegalArgumentException.class, () -> MinCostAssignment.solve(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> MinCostAssignment.solve(new double[][] {{1, Double.NaN}, {3, 4}}));
        assertArrayEquals(new int[0], MinCostAssignment.solve(new double[0][0]));
    }

    private static double best(double[][] cost, int[] sigma, boolean[] used, int row) {
        int n = cost.length;
        if (row == n) return total(cost, sigma);
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (used[j]) continue;
            used[j] = true;
            sigma[row] = j;
            best = Math.min(best, best(cost, sigma, used, row + 1));
            used[j] = false;
        }
        return best;
    }

    private static double total(double[][] cost, int[] sigma) {
        double s = 0;
        for (int i = 0; i < sigma.length; i++) s += cost[i][sigma[i]];
        return s;
    }

    private static boolean isPermutation(int[] p) {
        boolean[] seen = new boolean[p.length];
        for (int v : p) {
            if (v < 0 || v >= p.length || seen[v]) return false;
            seen[v] = true;
        }
        return true;
    }
}
