package dev.semid.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.semid.eval.report.HtmlReport;
import dev.semid.eval.report.RecsysReport;
import dev.semid.eval.report.TokenizerReport;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge `semid eval` results into one JSON and a self-contained HTML page (tables and SVG charts drawn by an inline"
                + " script; opens offline): code usage, utilisation and perplexity per level, collision-group sizes, neighbour preservation,"
                + " prefix tree, and Recall/NDCG@K per system with bootstrap intervals."})
final class ReportCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, paramLabel = "FILE.json", description = "Output of `semid eval tokenizer` or `semid eval recsys`. Repeatable.")
    List<Path> inputs;
    @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "The HTML page (written atomically).")
    Path out;
    @Option(names = "--json", paramLabel = "FILE", description = "The merged report JSON (default: OUT with .json).")
    Path json;
    @Option(names = "--title", defaultValue = "semid evaluation report", description = "Page title (default: ${DEFAULT-VALUE}).")
    String title;

    @Override public Integer call() throws IOException {
        ObjectNode merged = Json.MAPPER.createObjectNode();
        merged.put("title", title);
        merged.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ArrayNode tokenizer = merged.putArray("tokenizer"), recsys = merged.putArray("recsys");
        for (Path in : inputs) {
            JsonNode n = read(in);
            String kind = n.path("kind").asText("");
            switch (kind) {
                case TokenizerReport.KIND -> tokenizer.add(n);
                case RecsysReport.KIND -> recsys.add(n);
                default -> throw new InputException(in.toString(), "field 'kind'", "expected \"" + TokenizerReport.KIND + "\" or \""
                        + RecsysReport.KIND + "\" (a file written by semid eval), got " + (kind.isEmpty() ? "none" : "\"" + kind + "\""));
            }
        }
        Path jsonOut = json != null ? json : out.resolveSibling(out.getFileName().toString().replaceAll("\\.html?$", "") + ".json");
        Json.write(jsonOut, merged);
        String html = HtmlReport.render(title, Json.MAPPER.writeValueAsString(merged));
        AtomicFiles.write(out, o -> o.write(html.getBytes(StandardCharsets.UTF_8)));
        System.out.printf("report → %s (%d tokenizer, %d recommender results); JSON → %s%n", out, tokenizer.size(), recsys.size(), jsonOut);
        return 0;
    }

    private static JsonNode read(Path in) {
        try {
            JsonNode n = Json.MAPPER.readTree(Files.readString(in, StandardCharsets.UTF_8));
            if (n == null || !n.isObject()) throw new InputException(in.toString(), null, "expected a JSON object written by semid eval");
            return n;
        } catch (NoSuchFileException e) {
            throw new InputException(in.toString(), null, "file not found");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(in.toString(), e.getLocation() == null ? null : "line " + e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(in.toString(), null, "cannot read file: " + e.getMessage());
        }
    }
}
