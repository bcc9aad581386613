package dev.semid.tokenizer.engine;

import ai.djl.Device;
import dev.semid.tokenizer.TestData;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.TrainingListener;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A long-lived tokenizer (the service's) encodes millions of small batches: every array a call
 * makes must be freed with the call, or native memory grows and encoding slows down with it.
 */
class DjlTokenizerMemoryTest {
    @Test void callsLeaveNoArraysBehind() {
        Matrix x = TestData.blobs(600, 16, 8, 1.0, 2);
        QuantizerModel m = new RqKMeansTrainer(RqKMeansConfig.builder().levels(3).codes(16).iterations(5).build(), TrainingListener.NONE).train(x);
        try (DjlTokenizer t = new DjlTokenizer(m, Device.cpu())) {
            int before = t.residentArrays();
            for (int from = 0; from < 600; from += 50) t.codes(x.slice(from, from + 50));
            t.encode(x, true);
            assertEquals(before, t.residentArrays(), "arrays left in the model's manager after 13 calls");
        }
    }
}
