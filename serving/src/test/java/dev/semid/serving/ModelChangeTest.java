package dev.semid.serving;

import ai.djl.Device;
import dev.semid.index.IndexModel;
import dev.semid.index.SidEntry;
import dev.semid.index.SidIndexReader;
import dev.semid.index.SidIndexWriter;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.align.ModelAlignment;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.ModelFingerprint;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.sid.SemanticId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.semid.serving.ServiceFixture.*;
import static org.junit.jupiter.api.Assertions.*;

/** A restart with a retrained model: an aligned one takes the index over as it is, another is refused unless re-indexing is asked for. */
class ModelChangeTest extends BrokerTest {
    static Matrix items;
    static QuantizerModel old;
    static Path aligned, unaligned;

    @BeforeAll static void models() throws Exception {
        items = smallModel(tmp.resolve("old"));
        old = ModelArtifact.load(tmp.resolve("old"));
        QuantizerModel retrained = new RqKMeansTrainer(RqKMeansConfig.builder().codes(16).iterations(10).seed(2).build(), TrainingListener.NONE)
                .train(items);
        aligned = tmp.resolve("aligned");
        unaligned = tmp.resolve("unaligned");
        ModelArtifact.save(ModelAlignment.align(old, retrained, items, Device.cpu()).model(), aligned);
        ModelArtifact.save(retrained, unaligned);
    }

    /** An index of the old model holding two items. */
    private static Path oldIndex(String name) {
        Path dir = tmp.resolve(name);
        try (SidIndexWriter w = SidIndexWriter.open(dir, IndexModel.of(old), false)) {
            w.upsert(List.of(new SidEntry("a", SemanticId.parse("1-2-3-0")), new SidEntry("b", SemanticId.parse("4-5-6-0"))));
            w.commit();
        }
        return dir;
    }

    @Test void anAlignedModelTakesTheIndexOverAndKeepsItsIds() {
        Path index = oldIndex("index-aligned");
        try (SemidServer s = SemidServer.start(settings(kafka.bootstrapServers(), aligned, index, "al-"))) {
            Http got = http(s.port(), "GET", "/items/a", null, null);
            assertEquals(200, got.status(), got.body());
            assertTrue(got.body().contains("1-2-3-0"), got.body());
        }
        try (SidIndexReader r = SidIndexReader.open(index, ModelFingerprint.of(ModelArtifact.load(aligned)))) {
            assertEquals(ModelFingerprint.of(old), r.stats().commitData().get("user." + SidIndexWriter.ADOPTED_FROM));
        }
    }

    @Test void anotherModelIsRefusedUnlessReindexingIsAskedFor() {
        Path index = oldIndex("index-other");
        Exception e = assertThrows(Exception.class, () -> SemidServer.start(settings(kafka.bootstrapServers(), unaligned, index, "un-")).close());
        String message = chain(e);
        assertTrue(message.contains("--align-to") && message.contains("semid index migrate"), message);
        Map<String, Object> p = settings(kafka.bootstrapServers(), unaligned, index, "re-");
        p.put("semid.reindex", true);
        try (SemidServer s = SemidServer.start(p)) {
            assertEquals(404, http(s.port(), "GET", "/items/a", null, null).status(), "re-indexing starts empty");
        }
    }

    private static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (; t != null; t = t.getCause()) sb.append(t.getMessage()).append(" | ");
        return sb.toString();
    }
}
