package dev.semid.tokenizer.align;

import dev.semid.tokenizer.model.QuantizerModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints of the models a model was aligned to, nearest first, kept in its settings
 * ({@code lineage}): a model whose lineage reaches another's fingerprint numbers its codes in that
 * model's vocabulary, so IDs stored under the ancestor stay meaningful.
 */
public record ModelLineage(List<String> ancestors) {
    public static final String KEY = "lineage", ALIGNED_TO = "alignedTo";

    public ModelLineage {
        ancestors = List.copyOf(ancestors);
    }

    /** The lineage stored in a model's settings; empty for a model trained without alignment. */
    public static ModelLineage of(QuantizerModel m) {
        Object v = m.settings().get(KEY);
        if (!(v instanceof List<?> list)) return new ModelLineage(List.of());
        return new ModelLineage(list.stream().map(String::valueOf).toList());
    }

    /** True when {@code fingerprint} is this model's own ({@code self}) or one of its ancestors. */
    public boolean reaches(String self, String fingerprint) {
        return self.equals(fingerprint) || ancestors.contains(fingerprint);
    }

    /** {@code child} with its lineage set to the parent, then the parent's own ancestors. */
    public static QuantizerModel descendant(QuantizerModel child, String parentFingerprint, ModelLineage parentLineage) {
        List<String> chain = new ArrayList<>();
        chain.add(parentFingerprint);
        chain.addAll(parentLineage.ancestors());
        Map<String, Object> settings = new LinkedHashMap<>(child.settings());
        settings.put(ALIGNED_TO, parentFingerprint);
        settings.put(KEY, chain);
        return new QuantizerModel(child.method(), child.inputDim(), child.inputMean(), child.inputScale(), child.encoder(),
                child.codebooks(), child.decoder(), settings, child.metrics());
    }
}
