package dev.semid.tokenizer.metrics;

import dev.semid.tokenizer.model.QuantizerModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model's training items looked like to it, for the service to tell when streamed items
 * drift away: the mean squared quantization error per latent element, Σ||z − ẑ||² / (N·d), and
 * each level's perplexity. Measured when the model is trained (on the items it was trained on)
 * and kept in its metrics under {@value #KEY}. Either part is null when unknown: a model saved
 * before the reference was recorded has no error, and, unless trained by {@code semid train}
 * (whose {@code final} metrics list the levels), no perplexity either.
 */
public record DriftReference(Double quantizationMse, List<Double> perplexity) {
    public static final String KEY = "driftReference";

    public DriftReference {
        if (perplexity != null) perplexity = List.copyOf(perplexity);
    }

    /** The reference of a measured item set: its latent error and the perplexity of its levels. */
    public static DriftReference of(double quantizationMse, List<LevelStats> levels) {
        return new DriftReference(quantizationMse, levels.stream().map(LevelStats::perplexity).toList());
    }

    /** The model's reference, as far as its metrics tell; never null, its parts null where unknown. */
    public static DriftReference of(QuantizerModel model) {
        Map<?, ?> stored = model.metrics().get(KEY) instanceof Map<?, ?> m ? m : Map.of();
        Double mse = stored.get("quantizationMse") instanceof Number n ? n.doubleValue() : null;
        List<Double> perplexity = numbers(stored.get("perplexity"));
        if (perplexity == null && model.metrics().get("final") instanceof Map<?, ?> last && last.get("levels") instanceof List<?> levels) {
            List<Object> each = new ArrayList<>();
            for (Object l : levels) each.add(l instanceof Map<?, ?> level ? level.get("perplexity") : null);
            perplexity = numbers(each);
        }
        if (perplexity != null && perplexity.size() != model.levels()) perplexity = null; // not this model's levels
        return new DriftReference(mse, perplexity);
    }

    /** {@code model} with this reference in its metrics. */
    public QuantizerModel attachTo(QuantizerModel model) {
        Map<String, Object> m = new LinkedHashMap<>(model.metrics());
        Map<String, Object> mine = new LinkedHashMap<>();
        mine.put("quantizationMse", quantizationMse);
        mine.put("perplexity", perplexity);
        m.put(KEY, mine);
        return model.withMetrics(m);
    }

    /** A list of numbers as doubles, or null when it is not one. */
    private static List<Double> numbers(Object o) {
        if (!(o instanceof List<?> list) || list.isEmpty()) return null;
        List<Double> out = new ArrayList<>(list.size());
        for (Object x : list) {
            if (!(x instanceof Number n)) return null;
            out.add(n.doubleValue());
        }
        return out;
    }
}
