package dev.semid.eval.io;

import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.ItemCatalog;
import dev.semid.tokenizer.io.InputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads user histories, in one of two formats chosen by extension:
 * <ul>
 *   <li>{@code .csv}: {@code user,item,timestamp} per line (an optional header line is
 *       recognised by a non-numeric timestamp); each user's items are put in timestamp order,
 *       equal timestamps keeping file order;</li>
 *   <li>anything else: {@code user item_1 item_2 …} per line, oldest first, separated by spaces
 *       or tabs ({@code sequences.txt}); a user may appear on one line only.</li>
 * </ul>
 * Users keep the order of their first appearance. Malformed lines fail with the file, line and field.
 */
public final class SequenceReader {
    private SequenceReader() {}

    public static Interactions read(Path file) {
        Map<String, List<String>> byUser = TextLines.isCsv(file) ? readCsv(file) : readText(file);
        List<String> users = new ArrayList<>(byUser.keySet());
        ItemCatalog catalog = ItemCatalog.of(() -> byUser.values().stream().flatMap(List::stream).iterator());
        int[][] sequences = new int[users.size()][];
        for (int u = 0; u < users.size(); u++)
            sequences[u] = byUser.get(users.get(u)).stream().mapToInt(catalog::indexOf).toArray();
        return new Interactions(users, catalog, sequences);
    }

    private static Map<String, List<String>> readText(Path file) {
        String src = file.toString();
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        TextLines.read(file, (line, text) -> {
            String[] f = text.strip().split("[ \t]+");
            if (f.length < 2) throw new InputException(src, "line " + line, "user '" + f[0] + "' has no items (expected: user item_1 item_2 …)");
            Integer first = lineOf.putIfAbsent(f[0], line);
            if (first != null)
                throw new InputException(src, "line " + line, "user '" + f[0] + "' appears again (first on line " + first + "); one line per user");
            byUser.put(f[0], List.of(f).subList(1, f.length));
        });
        return byUser;
    }

    private record Event(String item, double time, int order) {}

    private static Map<String, List<String>> readCsv(Path file) {
        String src = file.toString();
        Map<String, List<Event>> events = new LinkedHashMap<>();
        int[] seen = {0};
        TextLines.read(file, (line, text) -> {
            String[] f = TextLines.csvFields(src, line, text, "user", "item", "timestamp");
            if (seen[0]++ == 0 && TextLines.isHeader(f)) return;
            double time;
            try {
                time = Double.parseDouble(f[2]);
            } catch (NumberFormatException e) {
                throw new InputException(src, "line " + line + ", field 'timestamp'", "'" + f[2] + "' is not a number");
            }
            if (!Double.isFinite(time)) throw new InputException(src, "line " + line + ", field 'timestamp'", "'" + f[2] + "' is not finite");
            List<Event> list = events.computeIfAbsent(f[0], k -> new ArrayList<>());
            list.add(new Event(f[1], time, list.size()));
        });
        if (events.isEmpty()) throw new InputException(src, null, "no interactions (only a header)");
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        events.forEach((user, list) -> {
            list.sort(Comparator.comparingDouble(Event::time).thenComparingInt(Event::order));
            byUser.put(user, list.stream().map(Event::item).toList());
        });
        return byUser;
    }
}
