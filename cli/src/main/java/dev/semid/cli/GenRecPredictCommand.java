package dev.semid.cli;

import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.eval.recsys.Split;
import dev.semid.genrec.model.Recommendations;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.io.IdTableReader;
import dev.semid.genrec.io.IndexIds;
import dev.semid.genrec.io.PredictionWriter;
import dev.semid.genrec.train.HeldOut;
import dev.semid.tokenizer.io.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The top-K next items of every user of a leave-one-out split, by a trained recommender",
                "(generative presets: trie-constrained beam search over the IDs that exist). Writes `user item_1 … item_K` per line,",
                "the file `semid eval recsys --predictions` reads, and prints Recall/NDCG@K of the split for a first look."})
final class GenRecPredictCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model directory from `semid genrec train`.")
    Path modelDir;
    @Option(names = "--sequences", required = true, paramLabel = "FILE", description = "User histories (as for training).")
    Path sequences;
    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
            description = "test (target: the last item; history: everything before it) or validation (default ${DEFAULT-VALUE}).")
    String split;
    @Option(names = "--k", defaultValue = "20", paramLabel = "K", description = "Items per user (default ${DEFAULT-VALUE}).")
    int k;
    @Option(names = "--beam", paramLabel = "W", description = "Beam width (default: the model's, at least K).")
    Integer beam;
    @Option(names = "--sids", paramLabel = "FILE",
            description = {"Decode to these IDs: the set the model was trained on, or one that extends it with new items (their IDs can then be",
                    "recommended and read in histories). Another ID set is refused, both fingerprints named."})
    Path sids;
    @Option(names = "--index", paramLabel = "DIR", description = "Decode to the IDs in this semantic-ID index (as --sids: the training IDs, plus any new items).")
    Path index;
    @Option(names = "--id-base", defaultValue = "0", paramLabel = "N", description = "Item id of key \"0\" in a published .json ID file.")
    long idBase;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Predictions file (written atomically).")
    Path out;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        if (k < 1) throw new IllegalArgumentException("--k must be >= 1, got " + k);
        Split s = EvalRecsysCommand.parse(Split.class, split, "--split");
        if (sids != null && index != null) throw new IllegalArgumentException("give --sids or --index, not both");
        IdTable decodeTo = sids != null ? IdTableReader.read(sids, idBase) : index != null ? IndexIds.read(index) : null;
        GenRecArtifact.Loaded opened;
        try {
            opened = GenRecArtifact.load(modelDir, run.device(), beam, decodeTo);
        } catch (GenRecArtifact.IdSetMismatchException e) {
            throw new InputException(sids != null ? sids.toString() : index.toString(), null, e.getMessage() + " (model " + modelDir + ")");
        }
        try (GenRecArtifact.Loaded loaded = opened) {
            Interactions data = SequenceReader.read(sequences);
            List<EvalCase> cases = LeaveOneOutSplit.cases(data, s, loaded.model().config().maxHistory()).cases();
            if (cases.isEmpty()) throw new InputException(sequences.toString(), null, "no user has the 3 items the split needs");
            long t0 = System.nanoTime();
            Map<Integer, int[]> ranked;
            try {
                ranked = Recommendations.topK(loaded.model(), loaded.itemIds(), data, cases, k);
            } catch (IllegalArgumentException e) {
                throw new InputException(sequences.toString(), null, e.getMessage());
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            PredictionWriter.write(out, data, ranked);
            int[] ranks = new int[cases.size()];
            for (int c = 0; c < ranks.length; c++) ranks[c] = HeldOut.rankOf(ranked.get(cases.get(c).user()), cases.get(c).target());
            List<Integer> ks = k >= 10 ? List.of(5, 10, k).stream().distinct().sorted().toList() : List.of(k);
            Map<String, Double> m = RankingMetrics.means(ranks, ks);
            StringBuilder sb = new StringBuilder();
            m.forEach((name, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", name, v)));
            System.out.printf(Locale.ROOT, "%,d users in %.1f s (%,.0f users/s); %s split:%s; written to %s%n", cases.size(), secs,
                    cases.size() / secs, s.name().toLowerCase(Locale.ROOT), sb, out);
        }
        return 0;
    }
}
