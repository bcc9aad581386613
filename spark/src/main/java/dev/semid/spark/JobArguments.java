package dev.semid.spark;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of {@link SemanticIdsJob}:
 * {@code --input DIR --model DIR --out DIR [--errors DIR] [--id-column NAME] [--embedding-column NAME] [--max-dedup N]}.
 * Input, output and errors are Hadoop paths (local, HDFS, object stores); the model is a local
 * directory on the driver, which broadcasts it.
 */
record JobArguments(String input, Path model, String out, String errors, TokenizeOptions options) {
    static final String USAGE = "usage: SemanticIdsJob --input DIR --model DIR --out DIR [--errors DIR]"
            + " [--id-column NAME (default id)] [--embedding-column NAME (default embedding)] [--max-dedup N (default 255)]";
    private static final List<String> NAMES = List.of("--input", "--model", "--out", "--errors", "--id-column",
            "--embedding-column", "--max-dedup");

    static JobArguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!NAMES.contains(args[i])) throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
            if (values.put(args[i], args[i + 1]) != null) throw new IllegalArgumentException(args[i] + " is given twice");
        }
        for (String required : List.of("--input", "--model", "--out"))
            if (!values.containsKey(required)) throw new IllegalArgumentException(required + " is required\n" + USAGE);
        TokenizeOptions o = TokenizeOptions.defaults()
                .withColumns(values.getOrDefault("--id-column", TokenizeOptions.DEFAULT_ID_COLUMN),
                        values.getOrDefault("--embedding-column", TokenizeOptions.DEFAULT_EMBEDDING_COLUMN))
                .withRejectBadRows(values.containsKey("--errors"));
        if (values.containsKey("--max-dedup")) o = o.withMaxDedup(integer(values.get("--max-dedup"), "--max-dedup"));
        return new JobArguments(values.get("--input"), Path.of(values.get("--model")), values.get("--out"), values.get("--errors"), o);
    }

    private static int integer(String text, String name) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + text + "'");
        }
    }
}
