package dev.semid.eval;

import dev.semid.eval.io.Alignment;
import dev.semid.eval.io.IdSetReader;
import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.math.NearestNeighbours;
import dev.semid.eval.quality.IdSet;
import dev.semid.eval.quality.NeighbourPreservation;
import dev.semid.eval.recsys.FullRankingEvaluator;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.PairedBootstrap;
import dev.semid.eval.recsys.PopularityRecommender;
import dev.semid.eval.recsys.Protocol;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.eval.recsys.SeenItems;
import dev.semid.eval.recsys.SidPrefixRecommender;
import dev.semid.eval.recsys.Split;
import dev.semid.eval.recsys.SystemResult;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.EmbeddingSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Acceptance on Amazon Beauty (../shared beside the checkout; skipped without it). */
class BeautyEvalTest {
    @Test void theSplitMatchesThePublishedStatistics() {
        Interactions d = SequenceReader.read(TestData.beauty("sequences.txt"));
        assertEquals(22_363, d.userCount());
        assertEquals(12_101, d.items().size());
        assertEquals(198_502, d.size());
        LeaveOneOutSplit.Cases test = LeaveOneOutSplit.cases(d, Split.TEST, 20);
        assertEquals(0, test.skippedUsers(), "5-core: every user has at least 5 items");
        assertEquals(22_363, test.cases().size());
        long training = java.util.Arrays.stream(LeaveOneOutSplit.trainingCounts(d)).sum();
        assertEquals(198_502 - 2 * 22_363, training, "two held-out items per user");
    }

    @Test void publishedIdsPreserveEmbeddingNeighboursFarBeyondRandom() {
        EmbeddingSet e = TestData.beautyMiniLm();
        int[][] nn = NearestNeighbours.cosine(e.vectors(), 10, 2);
        for (String name : List.of("letter", "rqvae_native", "rkmeans_native")) {
            IdSet ids = Alignment.restrict(IdSetReader.read(name, TestData.beauty("reference-sids/" + name + ".index.json"), 1, 256),
                    e.ids(), name);
            NeighbourPreservation p = NeighbourPreservation.of(nn, ids.codes());
            for (NeighbourPreservation.Level l : p.levels().subList(0, 3)) {
                assertTrue(l.share() > 3 * l.random(), name + " level " + l.level() + ": " + l);
                assertTrue(l.random() < 0.05, name + " " + l);
            }
            assertTrue(p.levels().get(0).share() > p.levels().get(1).share(), "deeper prefixes are rarer: " + p);
        }
    }

    @Test void aSemanticIdRecommenderBeatsPopularityWithAConfidenceIntervalAboveZero() {
        Interactions d = SequenceReader.read(TestData.beauty("sequences.txt"));
        Protocol p = new Protocol(Split.TEST, 20, List.of(5, 10), SeenItems.EXCLUDE);
        var cases = LeaveOneOutSplit.cases(d, p.split(), p.maxHistory()).cases();
        int[] counts = LeaveOneOutSplit.trainingCounts(d);
        IdSet ids = IdSetReader.read("rqvae_native", TestData.beauty("reference-sids/rqvae_native.index.json"), 1, 256);
        FullRankingEvaluator ev = new FullRankingEvaluator(p, 2, 64);
        SystemResult pop = ev.evaluate(new PopularityRecommender(counts), cases, d.items().size());
        SystemResult sid = ev.evaluate(new SidPrefixRecommender("sid", Alignment.codes(ids, d.items().ids(), "rqvae"), counts), cases, d.items().size());
        assertTrue(pop.metrics().get("recall@10") > 0.005 && pop.metrics().get("recall@10") < 0.03, pop.metrics().toString());
        var diff = new PairedBootstrap(500, 0.95, 1).differences(RankingMetrics.perUser(pop.ranks(), p.ks()), RankingMetrics.perUser(sid.ranks(), p.ks()));
        diff.forEach(i -> assertTrue(i.lower() > 0, diff.toString()));
    }
}
