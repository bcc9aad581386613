package dev.semid.cli;

import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.index.IndexModel;
import dev.semid.tokenizer.io.InputException;
import dev.semid.tokenizer.model.ModelArtifact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "tokenize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Give every item a unique semantic ID with a trained model.",
                "Output by extension: .jsonl ({\"id\":\"17\",\"codes\":[12,201,7,0],\"sid\":\"12-201-7-0\"}), .csv, .tsv"
                        + " or .parquet (id, sid, codes as list<int>);"
                        + " written atomically, with metrics JSON beside it."})
final class TokenizeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Model directory from `semid train`.")
    Path model;
    @Mixin InputOptions input;
    @Option(names = "--out", paramLabel = "FILE", description = "Output file: .jsonl, .csv, .tsv or .parquet (required unless --index).")
    Path out;
    @Option(names = "--index", paramLabel = "DIR", description = "Also upsert the IDs into this Lucene index (see `semid index build`).")
    Path index;
    @Mixin IndexOptions indexing;
    @Option(names = "--metrics", paramLabel = "FILE", description = "Metrics JSON (default: OUT with .metrics.json).")
    Path metrics;
    @Mixin CollisionOptions collisions;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        if (out == null && index == null) throw new IllegalArgumentException("tokenize needs --out FILE, --index DIR or both");
        if (out == null && metrics == null) throw new IllegalArgumentException("without --out, give --metrics FILE for the metrics JSON");
        var m = ModelArtifact.load(model);
        var items = input.read();
        if (items.dimension() != m.inputDim())
            throw new InputException(input.input.toString(), null, "embeddings have dimension " + items.dimension()
                    + ", the model in " + model + " expects " + m.inputDim());
        try (Tokenizer t = Tokenizers.open(m, run.device())) {
            var r = Pipeline.tokenizeAndWrite(t, items, collisions.config(), out,
                    metrics != null ? metrics : Pipeline.defaultMetricsFile(out), run.progress(), run.output());
            if (index != null) indexing.build(index, IndexModel.of(t), r.ids(), r.sids(), run.progress(), run.output());
        }
        return 0;
    }
}
