package dev.semid.cli;

import dev.semid.genrec.io.CatalogueCodes;
import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.recsys.Interactions;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.io.IdTableReader;
import dev.semid.genrec.train.GenRecTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a recommender on the training part of the leave-one-out split (every user's items but the last two).",
                "Validation Recall@10 on the second-to-last items picks the checkpoint and stops training early; the test items are never read.",
                "Writes the model directory: configuration, weights, checksums, the catalogue with its IDs, and the ID set's fingerprint."})
final class GenRecTrainCommand implements Callable<Integer> {
    @Option(names = "--sequences", required = true, paramLabel = "FILE",
            description = "User histories: `user item_1 item_2 …` per line, oldest first, or .csv `user,item,timestamp`.")
    Path sequences;
    @Option(names = "--sids", paramLabel = "FILE",
            description = "The ID set: ours (.jsonl/.csv/.tsv/.parquet from `semid tokenize`) or published token form (.json, dedup tokens added). Not for sasrec.")
    Path sids;
    @Option(names = "--id-base", defaultValue = "0", paramLabel = "N",
            description = "Item id of key \"0\" in a published .json ID file (default ${DEFAULT-VALUE}; 1 for Amazon Beauty).")
    long idBase;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory to write (replaced atomically).")
    Path out;
    @Mixin GenRecOptions model;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        GenRecConfig cfg = model.config();
        if (cfg.preset().generative() && sids == null) throw new IllegalArgumentException("--preset " + cfg.preset().label() + " needs --sids");
        if (!cfg.preset().generative() && sids != null) throw new IllegalArgumentException("--preset sasrec ranks item ids: drop --sids");
        Interactions data = SequenceReader.read(sequences);
        IdTable ids = sids == null ? null : IdTableReader.read(sids, idBase);
        ItemCodes codes = ids == null ? null : CatalogueCodes.of(data, ids, sequences);
        ProgressBar progress = run.progress();
        GenRecTrainer.Result r = new GenRecTrainer(cfg, run.device(), progress).train(data, codes);
        try (var m = r.model()) {
            GenRecArtifact.save(m, data.items().ids(), ids, r.metrics(), out);
        }
        System.out.printf(Locale.ROOT, "%s trained in %.0f s (best epoch %s, validation Recall@10 %.4f); model written to %s%n",
                cfg.preset().label(), (Double) r.metrics().get("trainSeconds"), r.metrics().get("bestEpoch"),
                (Double) r.metrics().get("validationRecall@10"), out);
        return 0;
    }

}
