package dev.semid.genrec.io;

import dev.semid.eval.recsys.Interactions;
import dev.semid.tokenizer.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes rankings in the form {@code semid eval recsys --predictions} reads: {@code user item_1 …
 * item_K} per line, best first (atomically: a crash leaves no half file).
 */
public final class PredictionWriter {
    private PredictionWriter() {}

    public static void write(Path file, Interactions data, Map<Integer, int[]> ranked) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (Map.Entry<Integer, int[]> e : ranked.entrySet()) {
                w.write(data.users().get(e.getKey()));
                for (int i : e.getValue()) {
                    w.write(' ');
                    w.write(data.items().id(i));
                }
                w.write('\n');
            }
            w.flush();
        });
    }
}
