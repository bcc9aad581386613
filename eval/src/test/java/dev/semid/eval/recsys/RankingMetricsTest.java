package dev.semid.eval.recsys;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RankingMetricsTest {
    private static final double EPS = 1e-12;

    @Test void recallAndNdcgByTheStandardDefinitions() {
        assertEquals(1.0, RankingMetrics.recall(1, 5));
        assertEquals(1.0, RankingMetrics.recall(5, 5));
        assertEquals(0.0, RankingMetrics.recall(6, 5));
        assertEquals(0.0, RankingMetrics.recall(TargetRank.NOT_RANKED, 5));
        assertEquals(1.0, RankingMetrics.ndcg(1, 5), EPS);
        assertEquals(1 / (Math.log(3) / Math.log(2)), RankingMetrics.ndcg(2, 5), EPS); // 0.6309…
        assertEquals(0.5, RankingMetrics.ndcg(3, 5), EPS);                             // 1/log2(4)
        assertEquals(0.3868528072345416, RankingMetrics.ndcg(5, 5), EPS);              // 1/log2(6)
        assertEquals(0.0, RankingMetrics.ndcg(6, 5));
        assertEquals(0.0, RankingMetrics.ndcg(TargetRank.NOT_RANKED, 5));
    }

    @Test void meansOverUsersInReportOrder() {
        // ranks 1, 3, 7, not ranked: R@5 = 2/4, N@5 = (1 + 0.5)/4, R@10 = 3/4, N@10 = (1 + 0.5 + 1/log2 8)/4
        Map<String, Double> m = RankingMetrics.means(new int[] {1, 3, 7, 0}, List.of(5, 10));
        assertEquals(List.of("recall@5", "ndcg@5", "recall@10", "ndcg@10"), List.copyOf(m.keySet()));
        assertEquals(0.5, m.get("recall@5"), EPS);
        assertEquals(0.375, m.get("ndcg@5"), EPS);
        assertEquals(0.75, m.get("recall@10"), EPS);
        assertEquals((1 + 0.5 + 1.0 / 3) / 4, m.get("ndcg@10"), EPS);
        assertEquals(0.0, RankingMetrics.means(new int[0], List.of(5)).get("recall@5"));
    }
}
