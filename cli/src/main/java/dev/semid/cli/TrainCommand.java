package dev.semid.cli;

import dev.semid.tokenizer.data.EmbeddingSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a residual quantizer on item embeddings and save the model directory.",
                "Prints per-level utilisation/perplexity, collisions and quantization error on the training items;"
                        + " the same metrics are stored in MODEL_DIR/model.json."})
final class TrainCommand implements Callable<Integer> {
    @Mixin InputOptions input;
    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "Model directory to write (replaced atomically).")
    Path out;
    @Option(names = "--align-to", paramLabel = "OLD_MODEL_DIR",
            description = "Renumber the new model's codes so they keep this older model's meaning (per level, a minimum-cost matching of the codes"
                    + " both models give the training items) and record it as the new model's ancestor: IDs stored under it stay meaningful.")
    Path alignTo;
    @Mixin TrainOptions train;
    @Mixin CollisionOptions collisions;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        EmbeddingSet items = input.read();
        ProgressBar progress = run.progress();
        Pipeline.trainAndSave(train, items, run.device(), collisions.config(), alignTo, out, progress, run.output());
        return 0;
    }
}
