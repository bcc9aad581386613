package dev.semid.eval.churn;

import dev.semid.tokenizer.sid.SemanticId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much two ID sets of one catalogue differ, as a recommender trained on the old IDs sees it.
 * Over the items in both: prefixChanged[l] = share whose first l+1 codes differ (l = 0 is the
 * level-1 code, l = L−1 the whole tuple), idChanged = share whose full ID (tuple + dedup token)
 * differs, and keptLevels[m] = share whose longest common prefix is exactly m codes — how far the
 * IDs moved. Added and removed items are counted apart.
 *
 * @param common  items in both sets
 * @param added   items only in the new set
 * @param removed items only in the old set
 */
public record IdChurn(int levels, long common, long added, long removed, double[] prefixChanged, double idChanged, double[] keptLevels,
                      List<String> removedSample, List<String> addedSample) {
    private static final int SAMPLE = 5;

    /** Both maps: item id → ID. IDs in one set share one level count; the two sets must too. */
    public static IdChurn of(Map<String, SemanticId> oldIds, Map<String, SemanticId> newIds) {
        int levels = levels(oldIds, newIds);
        long common = 0, added = 0, idChanged = 0;
        long[] changed = new long[levels], kept = new long[levels + 1];
        List<String> addedSample = new ArrayList<>(), removedSample = new ArrayList<>();
        for (Map.Entry<String, SemanticId> e : newIds.entrySet()) {
            SemanticId before = oldIds.get(e.getKey());
            if (before == null) {
                if (added++ < SAMPLE) addedSample.add(e.getKey());
                continue;
            }
            common++;
            SemanticId after = e.getValue();
            int m = 0;
            while (m < levels && before.code(m) == after.code(m)) m++;
            kept[m]++;
            for (int l = m; l < levels; l++) changed[l]++;
            if (m < levels || before.dedup() != after.dedup()) idChanged++;
        }
        long removed = 0;
        for (String id : oldIds.keySet())
            if (!newIds.containsKey(id) && removed++ < SAMPLE) removedSample.add(id);
        double n = Math.max(1, common);
        double[] prefixChanged = new double[levels], keptLevels = new double[levels + 1];
        for (int l = 0; l < levels; l++) prefixChanged[l] = changed[l] / n;
        for (int m = 0; m <= levels; m++) keptLevels[m] = kept[m] / n;
        return new IdChurn(levels, common, added, removed, prefixChanged, idChanged / n, keptLevels, removedSample, addedSample);
    }

    private static int levels(Map<String, SemanticId> a, Map<String, SemanticId> b) {
        int levels = -1;
        for (Map<String, SemanticId> m : List.of(a, b))
            for (Map.Entry<String, SemanticId> e : m.entrySet()) {
                if (levels < 0) levels = e.getValue().levels();
                else if (e.getValue().levels() != levels)
                    throw new IllegalArgumentException("item '" + e.getKey() + "' has an ID of " + e.getValue().levels() + " codes ("
                            + e.getValue() + "), others have " + levels + ": the two ID sets must have one layout");
            }
        return Math.max(levels, 0);
    }

    /** Share of common items whose first {@code l} codes are unchanged (l = 1..L). */
    public double prefixKept(int l) { return 1 - prefixChanged[l - 1]; }

    /** As JSON-ready data, shares rounded to 6 digits. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("levels", levels);
        m.put("commonItems", common);
        m.put("addedItems", added);
        m.put("removedItems", removed);
        Map<String, Object> changed = new LinkedHashMap<>();
        for (int l = 1; l <= levels; l++) changed.put(l == levels ? "tuple" : "prefix" + l, round(prefixChanged[l - 1]));
        changed.put("id", round(idChanged));
        m.put("changed", changed);
        List<Double> keptShares = new ArrayList<>();
        for (double v : keptLevels) keptShares.add(round(v));
        m.put("commonPrefixLevels", keptShares);
        m.put("addedSample", addedSample);
        m.put("removedSample", removedSample);
        return m;
    }

    /** A few lines for people. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "items: %,d in both, %,d added, %,d removed%n", common, added, removed));
        sb.append("changed, of the items in both:");
        for (int l = 1; l <= levels; l++)
            sb.append(String.format(java.util.Locale.ROOT, "  %s %.2f %%", l == 1 ? "level-1 code" : l == levels ? "tuple" : l + "-level prefix",
                    100 * prefixChanged[l - 1]));
        sb.append(String.format(java.util.Locale.ROOT, "  full ID %.2f %%%n", 100 * idChanged));
        sb.append("longest common prefix:");
        for (int m = 0; m <= levels; m++) sb.append(String.format(java.util.Locale.ROOT, "  %d codes %.2f %%", m, 100 * keptLevels[m]));
        return sb.append('\n').toString();
    }

    private static double round(double v) { return Math.round(v * 1e6) / 1e6; }
}
