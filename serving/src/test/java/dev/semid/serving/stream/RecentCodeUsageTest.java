package dev.semid.serving.stream;

import dev.semid.tokenizer.metrics.CodeUsage;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RecentCodeUsageTest {
    static double util(RecentCodeUsage u, int level) { return u.items() == 0 ? 0 : u.levels().get(level).utilisation(); }

    @Test void countsDistinctCodesOfTheWindowPerLevel() {
        RecentCodeUsage u = new RecentCodeUsage(2, 8, 3);
        assertEquals(0, u.items());
        assertEquals(0.0, util(u, 0));
        u.add(new int[] {1, 5});
        u.add(new int[] {1, 6});
        assertEquals(2, u.items());
        assertEquals(1 / 8.0, util(u, 0));
        assertEquals(2 / 8.0, util(u, 1));
        u.add(new int[] {2, 6});
        assertEquals(2 / 8.0, util(u, 0));
        assertEquals(2 / 8.0, util(u, 1));
        // the window is full: {1,5} leaves, so level 2 loses code 5 while code 1 stays on level 1 (still in {1,6})
        u.add(new int[] {3, 7});
        assertEquals(3, u.items());
        assertEquals(3 / 8.0, util(u, 0));
        assertEquals(2 / 8.0, util(u, 1));
        u.add(new int[] {3, 7});
        u.add(new int[] {3, 7});
        assertEquals(1 / 8.0, util(u, 0), "only the last three items count");
        assertEquals(1 / 8.0, util(u, 1));
    }

    @Test void matchesADirectCountOverTheLastWindowItems() {
        int levels = 3, k = 16, window = 50;
        RecentCodeUsage u = new RecentCodeUsage(levels, k, window);
        Deque<int[]> last = new ArrayDeque<>();
        Random rnd = new Random(4);
        for (int i = 0; i < 2000; i++) {
            int[] codes = new int[levels];
            // a skewed stream, so codes come and go from the window
            for (int l = 0; l < levels; l++) codes[l] = rnd.nextInt(1 + (i / 100 + l) % k);
            u.add(codes);
            last.addLast(codes);
            if (last.size() > window) last.removeFirst();
            for (int l = 0; l < levels; l++) {
                Set<Integer> distinct = new HashSet<>();
                for (int[] c : last) distinct.add(c[l]);
                assertEquals(distinct.size() / (double) k, util(u, l), 1e-12, "item " + i + ", level " + l);
            }
            assertEquals(last.size(), u.items());
            assertEquals(CodeUsage.perLevel(last.toArray(new int[0][]), k), u.levels(), "item " + i + ": the batch metrics of the window");
        }
    }
}
