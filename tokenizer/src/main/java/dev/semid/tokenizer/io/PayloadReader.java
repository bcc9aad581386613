package dev.semid.tokenizer.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-item payloads to store beside the IDs, from a TSV or CSV file with a header whose first
 * column is the item id (e.g. Beauty's {@code items.tsv}: item_id, asin, text). Each item's
 * payload is a compact JSON object of the chosen columns (all others by default).
 */
public final class PayloadReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayloadReader() {}

    /** item id → JSON object text; {@code columns} empty = every column after the id. */
    public static Map<String, String> read(Path file, List<String> columns) {
        Sources.requireReadableFile(file);
        String src = Sources.name(file);
        String ext = Sources.extension(file);
        if (!ext.equals(".tsv") && !ext.equals(".csv"))
            throw new InputException(src, null, "unsupported payload file extension '" + ext + "'; use .tsv or .csv with a header");
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            DelimitedRecords records = new DelimitedRecords(r, ext.equals(".csv") ? ',' : '\t', src);
            List<String> header = records.next();
            if (header == null || header.size() < 2) throw new InputException(src, "line 1", "expected a header: item id column, then payload columns");
            List<Integer> picked = new ArrayList<>();
            if (columns.isEmpty()) for (int c = 1; c < header.size(); c++) picked.add(c);
            else for (String name : columns) {
                int c = header.indexOf(name);
                if (c < 1) throw new InputException(src, "line 1", "no payload column '" + name + "' (columns: " + String.join(", ", header) + ")");
                picked.add(c);
            }
            Map<String, String> out = new HashMap<>();
            Map<String, Long> lines = new HashMap<>();
            for (List<String> rec; (rec = records.next()) != null; ) {
                long line = records.startLine();
                if (rec.size() == 1 && rec.get(0).isEmpty()) continue;
                if (rec.size() != header.size())
                    throw new InputException(src, "line " + line, rec.size() + " fields, the header has " + header.size());
                String id = rec.get(0);
                Long prev = lines.putIfAbsent(id, line);
                if (prev != null) throw new InputException(src, "line " + line + " (id '" + id + "')", "item id also on line " + prev);
                ObjectNode o = JSON.createObjectNode();
                for (int c : picked) o.put(header.get(c), rec.get(c));
                out.put(id, o.toString());
            }
            return out;
        } catch (IOException e) {
            throw Sources.ioFailure(file, e);
        }
    }
}
