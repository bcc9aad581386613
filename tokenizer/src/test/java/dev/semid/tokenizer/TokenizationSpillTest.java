package dev.semid.tokenizer;

import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.SyntheticCatalogue;
import dev.semid.tokenizer.engine.CodebookTokenizer;
import dev.semid.tokenizer.metrics.DriftReference;
import dev.semid.tokenizer.model.ModelArtifact;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.quantize.RqKMeansTrainer;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.DedupOverflowException;
import dev.semid.tokenizer.sid.ItemIdOrder;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.sid.SemanticIdAssigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The batch path when a code tuple holds more items than it has dedup tokens. */
class TokenizationSpillTest {
    @TempDir Path tmp;

    /** 2,000 synthetic items and 600 more with item 0's embedding: its tuple gets over 600 items. */
    static EmbeddingSet crowded(Matrix x) {
        List<String> ids = new ArrayList<>();
        float[] rows = new float[(x.rows() + 600) * x.cols()];
        for (int i = 0; i < x.rows(); i++) ids.add(Integer.toString(i));
        System.arraycopy(x.data(), 0, rows, 0, x.data().length);
        for (int i = 0; i < 600; i++) {
            ids.add("dup" + i);
            System.arraycopy(x.data(), 0, rows, (x.rows() + i) * x.cols(), x.cols());
        }
        return new EmbeddingSet(ids, new Matrix(ids.size(), x.cols(), rows));
    }

    @Test void itemsPastAFullTupleSpillToTheNearestTuplesAndEveryOtherItemKeepsItsId() {
        Matrix x = SyntheticCatalogue.generate(2000, 32, 8, 8, 5).vectors();
        QuantizerModel model = new RqKMeansTrainer(RqKMeansConfig.builder().codes(16).iterations(10).seed(1).build(), TrainingListener.NONE).train(x);
        EmbeddingSet items = crowded(x);
        Tokenization.Result r;
        try (Tokenizer t = new CodebookTokenizer(model)) {
            r = Tokenization.run(t, items, CollisionConfig.defaults(), (d, n) -> {});
            assertThrows(DedupOverflowException.class, () -> Tokenization.run(t, items, CollisionConfig.defaults().withSpill(false), (d, n) -> {}),
                    "without spilling the batch fails as it always did");

            assertEquals(items.size(), new HashSet<>(r.sids()).size(), "every item has a unique ID");
            Map<String, List<String>> byTuple = new HashMap<>();
            for (int i = 0; i < items.size(); i++) byTuple.computeIfAbsent(Arrays.toString(r.codes()[i]), k -> new ArrayList<>()).add(items.ids().get(i));
            byTuple.values().forEach(g -> g.sort(ItemIdOrder.INSTANCE));
            int spilled = 0;
            var q = t.quantizer();
            for (int i = 0; i < items.size(); i++) {
                SemanticId id = r.sids().get(i);
                List<String> group = byTuple.get(Arrays.toString(r.codes()[i]));
                int rank = group.indexOf(items.ids().get(i));
                if (rank <= 255) {
                    assertEquals(new SemanticId(r.codes()[i], rank), id, "item " + items.ids().get(i) + " keeps the ID of the rule without spilling");
                } else {
                    spilled++;
                    assertFalse(Arrays.equals(r.codes()[i], id.codes()), "spilled to another tuple");
                    var alternatives = q.alternatives(t.encode(items.vectors().slice(i, i + 1), false).latent().row(0), r.codes()[i]);
                    boolean isOne = false;
                    for (int a = 1; a <= 3 && !isOne; a++) isOne = Arrays.equals(alternatives.tuple(a), id.codes());
                    assertTrue(isOne, "a spilled item is in one of its nearest alternatives: " + id);
                }
            }
            assertEquals(items.size() - 256 - (items.size() - byTuple.get(Arrays.toString(r.codes()[0])).size()), spilled);
            assertEquals(spilled, r.spilled(), "the batch counts its spilled items");

            // the same set in another order gets the same IDs
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) order.add(i);
            Collections.shuffle(order, new Random(3));
            List<String> ids = new ArrayList<>();
            float[] rows = new float[items.vectors().data().length];
            for (int k = 0; k < order.size(); k++) {
                ids.add(items.ids().get(order.get(k)));
                System.arraycopy(items.vectors().data(), order.get(k) * 32, rows, k * 32, 32);
            }
            Tokenization.Result again = Tokenization.run(t, new EmbeddingSet(ids, new Matrix(ids.size(), 32, rows)), CollisionConfig.defaults(), (d, n) -> {});
            for (int k = 0; k < order.size(); k++) assertEquals(r.sids().get(order.get(k)), again.sids().get(k));
        }
    }

    @Test void theDriftReferenceTravelsWithTheModelAndOlderModelsHaveNone() throws Exception {
        Matrix x = SyntheticCatalogue.generate(500, 16, 4, 4, 2).vectors();
        QuantizerModel model = new RqKMeansTrainer(RqKMeansConfig.builder().levels(2).codes(8).iterations(5).seed(1).build(), TrainingListener.NONE).train(x);
        Tokenization.Result measured;
        try (Tokenizer t = new CodebookTokenizer(model)) {
            measured = Tokenization.run(t, new EmbeddingSet(java.util.stream.IntStream.range(0, 500).mapToObj(Integer::toString).toList(), x),
                    CollisionConfig.defaults(), (d, n) -> {});
        }
        DriftReference ref = measured.driftReference();
        assertTrue(ref.quantizationMse() > 0);
        assertEquals(2, ref.perplexity().size());
        ModelArtifact.save(ref.attachTo(model), tmp.resolve("m"));
        assertEquals(ref, DriftReference.of(ModelArtifact.load(tmp.resolve("m"))));
        assertEquals(new DriftReference(null, null), DriftReference.of(model), "a model saved without one: unknown");
        Map<String, Object> finalOnly = Map.of("final", Map.of("levels", List.of(Map.of("perplexity", 5.5), Map.of("perplexity", 6))));
        assertEquals(new DriftReference(null, List.of(5.5, 6.0)), DriftReference.of(model.withMetrics(finalOnly)),
                "semid train's final metrics give the perplexity");
    }
}
