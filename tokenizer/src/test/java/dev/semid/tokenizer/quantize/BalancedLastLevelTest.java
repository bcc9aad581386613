package dev.semid.tokenizer.quantize;

import ai.djl.Device;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.metrics.CodeUsage;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.TrainingListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** {@code --balanced-last-level}: the last level's codes share the items more evenly than plain k-means's. */
class BalancedLastLevelTest {
    @Test void balancedLastLevelSpreadsItems() {
        // few, tight blobs: plain k-means leaves some last-level codes with many items and some with few
        Matrix x = TestData.blobs(4000, 8, 4, 0.5, 3);
        LevelStats plain = lastLevel(train(x, false), x), balanced = lastLevel(train(x, true), x);
        int capacity = (4000 + 31) / 32;
        assertTrue(balanced.largestShare() < plain.largestShare(),
                "largest last-level code: balanced " + balanced.largestShare() + ", plain " + plain.largestShare());
        assertTrue(balanced.perplexity() > plain.perplexity(),
                "last-level perplexity: balanced " + balanced.perplexity() + ", plain " + plain.perplexity());
        // encoding is nearest-code, not the training assignment, so allow some items over the cap
        assertTrue(balanced.largestShare() * 4000 <= 2 * capacity,
                "largest balanced code holds " + Math.round(balanced.largestShare() * 4000) + " items, the cap is " + capacity);
    }

    private static QuantizerModel train(Matrix x, boolean balanced) {
        RqKMeansConfig config = RqKMeansConfig.builder().levels(2).codes(32).iterations(15).balancedLastLevel(balanced).seed(1).build();
        QuantizerModel m = new RqKMeansTrainer(config, TrainingListener.NONE).train(x);
        assertEquals(balanced, m.settings().get("balancedLastLevel"));
        return m;
    }

    private static LevelStats lastLevel(QuantizerModel m, Matrix x) {
        try (Tokenizer t = Tokenizers.open(m, Device.cpu())) {
            return CodeUsage.perLevel(t.codes(x), m.codebookSize()).get(m.levels() - 1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
