package dev.semid.genrec;

import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.ItemCatalog;
import dev.semid.genrec.train.TrainingSamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TrainingSamplesTest {
    @Test void trainingPartsDropTheValidationAndTestItems() {
        Interactions data = new Interactions(List.of("a", "b", "c"), ItemCatalog.of(List.of("1", "2", "3", "4", "5", "6")),
                new int[][] {{0, 1, 2, 3, 4}, {5, 4}, {1, 2, 3}});
        List<int[]> parts = TrainingSamples.trainingParts(data);
        assertArrayEquals(new int[] {0, 1, 2}, parts.get(0));
        assertEquals(0, parts.get(1).length, "too short to have a training part");
        assertArrayEquals(new int[] {1}, parts.get(2));
    }

    /** Windows predict every training target exactly once, each from at most maxHistory items right before it. */
    @Test void windowsCoverEveryTargetOnceWithItsRecentHistory() {
        int[] seq = new int[47];
        for (int i = 0; i < seq.length; i++) seq[i] = 100 + i;
        for (int maxHistory : new int[] {1, 5, 20, 46, 50}) {
            List<int[]> w = TrainingSamples.windows(List.of(seq, new int[] {7}, new int[0]), maxHistory);
            int[] predicted = new int[seq.length];
            for (int[] win : w) {
                assertTrue(win.length >= 2 && win.length <= maxHistory + 1, "window of " + win.length);
                for (int t = 1; t < win.length; t++) {
                    predicted[win[t] - 100]++;
                    assertEquals(win[t - 1] + 1, win[t], "consecutive items of the sequence");
                }
            }
            int[] expected = new int[seq.length];
            Arrays.fill(expected, 1, seq.length, 1);
            assertArrayEquals(expected, predicted, "maxHistory " + maxHistory);
        }
    }

    @Test void examplesEndWithTheirTargetAfterACappedHistory() {
        List<int[]> ex = TrainingSamples.examples(List.of(new int[] {1, 2, 3, 4, 5}), 2);
        List<String> got = new ArrayList<>();
        for (int[] e : ex) got.add(Arrays.toString(e));
        assertEquals(List.of("[1, 2]", "[1, 2, 3]", "[2, 3, 4]", "[3, 4, 5]"), got);
    }
}
