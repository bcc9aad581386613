package dev.semid.tokenizer;

import ai.djl.Device;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.engine.DjlTokenizer;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.metrics.TokenizerMetrics;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.quantize.Seeding;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.RqVaeTrainer;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The acceptance figures on real data: Amazon Beauty MiniLM 384-d, 3 levels × 256.
 * RQ-VAE must use ≥ 95% of every level and give ≥ 11,500 distinct 3-level IDs before dedup;
 * after dedup all 12,101 are unique. RQ-KMeans figures are printed beside it.
 */
class BeautyQuantizerTest {
    @Test void rqVaeOnBeautyMiniLm() {
        EmbeddingSet set = TestData.beautyMiniLm();
        assertEquals(12101, set.size());
        RqVaeConfig cfg = RqVaeConfig.defaults().withEpochs(60);
        QuantizerModel m = new RqVaeTrainer(cfg, Device.cpu(), TrainingListener.NONE).train(set.vectors());
        TokenizerMetrics metrics;
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            metrics = Tokenization.run(t, set, CollisionConfig.defaults(), (d, n) -> {}).metrics();
        }
        System.out.println("RQ-VAE on Beauty MiniLM (60 epochs):\n" + metrics.summary());
        for (LevelStats s : metrics.levels()) assertTrue(s.utilisation() >= 0.95, "level " + s.level() + ": " + s.utilisation());
        assertTrue(metrics.beforeDedup().distinctIds() >= 11_500, "distinct before dedup " + metrics.beforeDedup().distinctIds());
        assertEquals(12101, metrics.afterDedup().distinctIds());
        assertTrue(metrics.relativeQuantizationError() < 0.2, "rel. quantization error " + metrics.relativeQuantizationError());
        assertNotNull(metrics.reconstructionMse());
    }

    @Test void rqKMeansOnBeautyMiniLm() {
        EmbeddingSet set = TestData.beautyMiniLm();
        Tokenization.Result r = rqKMeans(set, RqKMeansConfig.defaults());
        System.out.println("RQ-KMeans on Beauty MiniLM:\n" + r.metrics().summary());
        Set<String> unique = new HashSet<>();
        r.sids().forEach(s -> unique.add(s.toString()));
        assertEquals(12101, unique.size(), "IDs unique after dedup");
        for (var level : r.metrics().levels()) assertEquals(1.0, level.utilisation(), "k-means uses every code: " + level);
        // faiss's ResidualQuantizer(384, 3, 8), greedy, on this data: relative error 0.4369 and 11,176 distinct tuples
        // (Debian's 1.7.3 here), 0.436 and 11,190 (another build)
        int distinct = r.metrics().beforeDedup().distinctIds();
        double error = r.metrics().relativeQuantizationError();
        assertTrue(error <= 0.436, "relative error " + error);
        assertTrue(distinct >= 11_190, "distinct " + distinct);
        Tokenization.Result uncapped = rqKMeans(set, RqKMeansConfig.builder().clusterCap(0).build());
        assertTrue(distinct > uncapped.metrics().beforeDedup().distinctIds(), "the cluster cap spreads tuples: " + distinct + " against "
                + uncapped.metrics().beforeDedup().distinctIds());
        Tokenization.Result plusPlus = rqKMeans(set, RqKMeansConfig.builder().seeding(Seeding.PLUS_PLUS).clusterCap(0).build());
        error = uncapped.metrics().relativeQuantizationError();
        distinct = uncapped.metrics().beforeDedup().distinctIds();
        assertTrue(error < plusPlus.metrics().relativeQuantizationError() && distinct > plusPlus.metrics().beforeDedup().distinctIds(),
                "progressive seeding beats k-means++: " + error + " / " + distinct + " against " + plusPlus.metrics().relativeQuantizationError()
                        + " / " + plusPlus.metrics().beforeDedup().distinctIds());
    }

    private static Tokenization.Result rqKMeans(EmbeddingSet set, RqKMeansConfig config) {
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(set.vectors());
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            return Tokenization.run(t, set, CollisionConfig.defaults(), (d, n) -> {});
        }
    }
}
