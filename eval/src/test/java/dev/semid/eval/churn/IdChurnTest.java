package dev.semid.eval.churn;

import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class IdChurnTest {
    @Test void countsEachKindOfChange() {
        Map<String, SemanticId> before = ids("a", "1-2-3-0", "b", "1-2-4-0", "c", "5-6-7-0", "d", "8-8-8-1", "gone", "9-9-9-0");
        Map<String, SemanticId> after = ids("a", "1-2-3-0", // unchanged
                "b", "1-2-4-1", // dedup token only
                "c", "5-9-7-0", // second level
                "d", "2-8-8-1", // first level
                "new", "3-3-3-0");
        IdChurn churn = IdChurn.of(before, after);
        assertEquals(4, churn.common());
        assertEquals(1, churn.added());
        assertEquals(1, churn.removed());
        assertArrayEquals(new double[] {0.25, 0.5, 0.5}, churn.prefixChanged(), 1e-12);
        assertEquals(0.75, churn.idChanged(), 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0, 0.5}, churn.keptLevels(), 1e-12);
        assertEquals(List.of("new"), churn.addedSample());
        assertEquals(List.of("gone"), churn.removedSample());
        assertEquals(0.75, churn.prefixKept(1), 1e-12);
        assertTrue(churn.summary().contains("level-1 code 25.00 %"), churn.summary());
        assertEquals(Map.of("prefix1", 0.25, "prefix2", 0.5, "tuple", 0.5, "id", 0.75), churn.toMap().get("changed"));
    }

    @Test void refusesIdSetsOfDifferentLayouts() {
        var e = assertThrows(IllegalArgumentException.class, () -> IdChurn.of(ids("a", "1-2-3-0"), ids("a", "1-2-0")));
        assertTrue(e.getMessage().contains("item 'a'"), e.getMessage());
    }

    private static Map<String, SemanticId> ids(String... pairs) {
        Map<String, SemanticId> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], SemanticId.parse(pairs[i + 1]));
        return m;
    }
}
