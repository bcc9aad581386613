package dev.semid.genrec.model;

import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.Interactions;
import dev.semid.genrec.decode.Ranking;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model's top-K for the cases of a split, translated between the model's catalogue
 * (its item order) and the evaluated sequences' catalogue by item id. A history item the model
 * does not know is an error that names it; a target it does not know is simply never recommended.
 */
public final class Recommendations {
    private Recommendations() {}

    /** @return user index → catalogue indices of {@code data}, best first */
    public static Map<Integer, int[]> topK(GenRecModel model, List<String> modelItems, Interactions data, List<EvalCase> cases, int k) {
        Map<String, Integer> modelIndex = HashMap.newHashMap(modelItems.size());
        for (int i = 0; i < modelItems.size(); i++) modelIndex.put(modelItems.get(i), i);
        int[] toModel = new int[data.items().size()];
        for (int j = 0; j < toModel.length; j++) toModel[j] = modelIndex.getOrDefault(data.items().id(j), -1);
        int[] fromModel = new int[modelItems.size()];
        for (int i = 0; i < fromModel.length; i++) fromModel[i] = data.items().indexOf(modelItems.get(i));
        int[][] histories = new int[cases.size()][];
        for (int c = 0; c < histories.length; c++) {
            int[] h = cases.get(c).history();
            histories[c] = new int[h.length];
            for (int t = 0; t < h.length; t++) {
                histories[c][t] = toModel[h[t]];
                if (histories[c][t] < 0)
                    throw new IllegalArgumentException("user '" + data.users().get(cases.get(c).user()) + "': item '" + data.items().id(h[t])
                            + "' of the history is not in the model's catalogue (" + modelItems.size() + " items)");
            }
        }
        Ranking r = model.recommend(histories, k);
        Map<Integer, int[]> out = new LinkedHashMap<>();
        for (int c = 0; c < histories.length; c++) {
            int[] items = r.items()[c];
            out.put(cases.get(c).user(), java.util.Arrays.stream(items).map(i -> fromModel[i]).filter(i -> i >= 0).toArray());
        }
        return out;
    }
}
