package dev.semid.eval.io;

import dev.semid.eval.recsys.Interactions;
import dev.semid.tokenizer.io.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads another recommender's rankings, user → items best first, for the users and items of
 * the evaluated sequences:
 * <ul>
 *   <li>{@code .csv}: {@code user,item,rank} per line, rank a positive integer (1 = best), an
 *       optional header line;</li>
 *   <li>anything else: {@code user item_1 item_2 …} per line, best first.</li>
 * </ul>
 * An unknown user or item, a repeated item or rank in one user's list, or a user listed twice
 * fails with the file, line and field. Users without a line have no predictions (a miss).
 */
public final class PredictionReader {
    private PredictionReader() {}

    /** @return user index → catalogue indices, best first */
    public static Map<Integer, int[]> read(Path file, Interactions data) {
        String src = file.toString();
        Map<String, Integer> userIndex = new HashMap<>(data.userCount() * 2);
        for (int u = 0; u < data.userCount(); u++) userIndex.put(data.users().get(u), u);
        Map<Integer, int[]> out = new LinkedHashMap<>();
        if (TextLines.isCsv(file)) {
            Map<Integer, TreeMap<Integer, Integer>> ranked = new LinkedHashMap<>();
            int[] lines = {0};
            TextLines.read(file, (line, text) -> {
                String[] f = TextLines.csvFields(src, line, text, "user", "item", "rank");
                if (lines[0]++ == 0 && TextLines.isHeader(f)) return;
                int u = user(src, line, f[0], userIndex);
                int item = item(src, line, "item", f[1], data);
                int rank;
                try {
                    rank = Integer.parseInt(f[2]);
                } catch (NumberFormatException e) {
                    rank = 0;
                }
                if (rank < 1) throw new InputException(src, "line " + line + ", field 'rank'", "'" + f[2] + "' is not a positive integer");
                TreeMap<Integer, Integer> list = ranked.computeIfAbsent(u, k -> new TreeMap<>());
                if (list.containsValue(item)) throw new InputException(src, "line " + line + ", field 'item'", "item '" + f[1] + "' listed twice for user '" + f[0] + "'");
                if (list.putIfAbsent(rank, item) != null)
                    throw new InputException(src, "line " + line + ", field 'rank'", "rank " + rank + " given twice for user '" + f[0] + "'");
            });
            ranked.forEach((u, list) -> out.put(u, list.values().stream().mapToInt(Integer::intValue).toArray()));
        } else {
            Map<Integer, Integer> lineOf = new HashMap<>();
            TextLines.read(file, (line, text) -> {
                String[] f = text.strip().split("[ \t]+");
                int u = user(src, line, f[0], userIndex);
                Integer first = lineOf.putIfAbsent(u, line);
                if (first != null) throw new InputException(src, "line " + line, "user '" + f[0] + "' appears again (first on line " + first + ")");
                List<Integer> items = new ArrayList<>(f.length - 1);
                java.util.Set<Integer> seen = new java.util.HashSet<>();
                for (int i = 1; i < f.length; i++) {
                    int item = item(src, line, "item " + i, f[i], data);
                    if (!seen.add(item)) throw new InputException(src, "line " + line + ", field 'item " + i + "'", "item '" + f[i] + "' listed twice");
                    items.add(item);
                }
                out.put(u, items.stream().mapToInt(Integer::intValue).toArray());
            });
        }
        return out;
    }

    private static int user(String src, int line, String id, Map<String, Integer> userIndex) {
        Integer u = userIndex.get(id);
        if (u == null) throw new InputException(src, "line " + line + ", field 'user'", "unknown user '" + id + "' (not in the sequences)");
        return u;
    }

    private static int item(String src, int line, String field, String id, Interactions data) {
        int i = data.items().indexOf(id);
        if (i < 0) throw new InputException(src, "line " + line + ", field '" + field + "'", "unknown item '" + id + "' (not in the sequences' catalogue)");
        return i;
    }
}
