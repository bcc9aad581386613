package dev.semid.cli;

import dev.semid.eval.churn.IdChurn;
import dev.semid.tokenizer.io.SidReader;
import dev.semid.tokenizer.sid.SemanticId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Churn between two ID sets of one catalogue, e.g. before and after a retrain: of the items in both,"
                + " the share whose level-1 code, each longer prefix, code tuple and full ID changed, and how many codes of"
                + " each ID survived; items added and removed.",
                "ID files: .jsonl, .tsv, .parquet, or a directory of parts."})
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD_IDS") Path oldIds;
    @Parameters(index = "1", paramLabel = "NEW_IDS") Path newIds;
    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON (atomically).") Path json;
    @Option(names = "--quiet", description = "Print nothing but errors and the result line.") boolean quiet;

    @Override public Integer call() throws Exception {
        IdChurn churn = IdChurn.of(read(oldIds), read(newIds));
        Output out = new Output(System.out, quiet);
        out.result().printf(java.util.Locale.ROOT, "%s → %s: %,d items in both; level-1 code changed for %.2f %%, tuple for %.2f %%, full ID for %.2f %%%n",
                oldIds, newIds, churn.common(), 100 * churn.prefixChanged()[0], 100 * churn.prefixChanged()[churn.levels() - 1],
                100 * churn.idChanged());
        out.detail().print(churn.summary());
        if (json != null) Json.write(json, churn.toMap());
        return 0;
    }

    private static Map<String, SemanticId> read(Path file) {
        SidReader.Rows rows = SidReader.read(file);
        Map<String, SemanticId> m = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) m.put(rows.ids().get(i), rows.sids().get(i));
        return m;
    }
}
