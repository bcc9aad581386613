package dev.semid.cli;

import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.model.SasRecModel;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.io.NpyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "embeddings", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the item embeddings a SASRec model learned (collaborative embeddings: items bought in the same contexts are close),",
                "as .npy with the item ids beside it, one per line: the input of `semid train --input FILE.npy --ids FILE.ids`."})
final class GenRecEmbeddingsCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A sasrec model directory.")
    Path modelDir;
    @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "Embeddings; the ids go to FILE.ids.")
    Path out;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        try (GenRecArtifact.Loaded loaded = GenRecArtifact.load(modelDir, run.device())) {
            if (!(loaded.model() instanceof SasRecModel s))
                throw new IllegalArgumentException(modelDir + " is a " + loaded.model().config().preset().label() + " model; item embeddings come from sasrec");
            float[] e = s.itemEmbeddings();
            int n = loaded.itemIds().size();
            NpyWriter.write(out, new Matrix(n, e.length / n, e));
            Path ids = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.npy$", "") + ".ids");
            String text = String.join("\n", loaded.itemIds()) + "\n";
            AtomicFiles.write(ids, o -> o.write(text.getBytes(StandardCharsets.UTF_8)));
            System.out.printf("%d item embeddings of %d dimensions written to %s, their ids to %s%n", n, e.length / n, out, ids);
        }
        return 0;
    }
}
