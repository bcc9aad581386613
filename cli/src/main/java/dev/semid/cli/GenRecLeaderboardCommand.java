package dev.semid.cli;

import dev.semid.genrec.io.CatalogueCodes;
import dev.semid.eval.io.Alignment;
import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.ItemKnnRecommender;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.PopularityRecommender;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.Preset;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.io.IdTableReader;
import dev.semid.genrec.leaderboard.Leaderboard;
import dev.semid.genrec.leaderboard.LeaderboardReport;
import dev.semid.genrec.leaderboard.RowResult;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.io.EmbeddingReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "leaderboard", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the same recommender (same configuration, seed and budget) over several ID sets, evaluate each on the test split",
                "(full ranking, history ≤ 20, seen items kept), and write a Markdown table with 95% bootstrap intervals (and the same as JSON).",
                "Every finished run is cached in --work and reused while its configuration, ID set and sequences are unchanged:",
                "rerun the command to resume or to add rows."})
final class GenRecLeaderboardCommand implements Callable<Integer> {
    @Option(names = "--sequences", required = true, paramLabel = "FILE", description = "User histories (e.g. Amazon Beauty's sequences.txt).")
    Path sequences;
    @Option(names = "--sids", paramLabel = "NAME=FILE", converter = NamedPath.Converter.class,
            description = "An ID set to train on: ours (.jsonl/.csv/.tsv/.parquet) or published (.json, dedup tokens added). Repeatable: one row each.")
    List<NamedPath> sids = new ArrayList<>();
    @Option(names = "--id-base", defaultValue = "0", paramLabel = "N", description = "Item id of key \"0\" in published .json ID files (1 for Beauty).")
    long idBase;
    @Option(names = "--shuffled", paramLabel = "NAME",
            description = "Add the control row: the IDs of this --sids set dealt to the items at random (same shape, no semantics).")
    String shuffled;
    @Option(names = "--sasrec", description = "Add SASRec (item IDs, full softmax) with the same seed and budget.")
    boolean sasrec;
    @Option(names = "--baselines", description = "Add popularity and, with --embeddings, item-kNN (cosine to the last history item).")
    boolean baselines;
    @Option(names = "--embeddings", paramLabel = "FILE", description = "Item embeddings for the item-kNN row; row r is item r + --embeddings-id-base.")
    Path embeddings;
    @Option(names = "--embeddings-id-base", defaultValue = "1", paramLabel = "N", description = "Item id of embedding row 0 (default ${DEFAULT-VALUE}).")
    long embeddingsIdBase;
    @Option(names = "--published", paramLabel = "NAME=METRIC:VALUE,…",
            description = "Published figures shown for scale, e.g. 'TIGER (Rajput et al. 2023)=recall@5:0.0454,ndcg@5:0.0321,recall@10:0.0648,ndcg@10:0.0384'.")
    List<String> published = new ArrayList<>();
    @Option(names = "--work", required = true, paramLabel = "DIR", description = "Where runs are cached (models and results).")
    Path work;
    @Option(names = "--out", required = true, paramLabel = "FILE.md", description = "The Markdown table; the JSON goes beside it (.json).")
    Path out;
    @Option(names = "--title", defaultValue = "Generative retrieval leaderboard", description = "Heading of the Markdown file.")
    String title;
    @Mixin ColumnOptions columns;
    @Mixin GenRecOptions model;
    @Mixin RunOptions run;

    @Override public Integer call() throws Exception {
        GenRecConfig cfg = model.config();
        if (!cfg.preset().generative()) throw new IllegalArgumentException("the leaderboard compares ID sets: use a generative --preset (add SASRec with --sasrec)");
        if (sids.isEmpty() && !sasrec) throw new IllegalArgumentException("nothing to train: give --sids and/or --sasrec");
        Interactions data = SequenceReader.read(sequences);
        Map<String, IdTable> sets = new LinkedHashMap<>();
        for (NamedPath p : sids) {
            IdTable t = IdTableReader.read(p.path(), idBase);
            CatalogueCodes.of(data, t, sequences); // every item has an ID, before hours of training
            sets.put(p.name(), t);
        }
        if (shuffled != null) {
            IdTable base = sets.get(shuffled);
            if (base == null) throw new IllegalArgumentException("--shuffled " + shuffled + ": no --sids set of that name (" + sets.keySet() + ")");
            sets.put("shuffled " + shuffled + " (random IDs, same shape)", base.shuffled(cfg.seed()));
        }
        ProgressBar progress = run.progress();
        Leaderboard board = new Leaderboard(data, work, run.device(), progress);
        List<RowResult> rows = new ArrayList<>();
        for (Map.Entry<String, IdTable> e : sets.entrySet()) rows.add(board.train(cfg.preset().label() + " · " + e.getKey(), cfg, e.getValue()));
        if (sasrec) {
            GenRecConfig s = GenRecConfig.defaults(Preset.SASREC).toBuilder().epochs(cfg.epochs()).maxMinutes(cfg.maxMinutes())
                    .patience(cfg.patience()).evalEvery(cfg.evalEvery()).validationUsers(cfg.validationUsers()).seed(cfg.seed()).build();
            rows.add(board.train("sasrec (item IDs)", s, null));
        }
        String reference = null;
        if (baselines) {
            rows.add(board.baseline(new PopularityRecommender(LeaveOneOutSplit.trainingCounts(data))));
            if (embeddings != null) {
                var m = Alignment.embeddings(EmbeddingReader.read(embeddings, null, embeddingsIdBase, columns.columns()), data.items().ids(), embeddings.toString());
                RowResult knn = board.baseline(new ItemKnnRecommender(m, ItemKnnRecommender.Query.LAST));
                rows.add(knn);
                reference = knn.name();
            }
        }
        var refs = published.stream().map(EvalRecsysCommand::parsePublished).toList();
        LeaderboardReport report = new LeaderboardReport(rows, refs, reference);
        List<String> preamble = List.of(
                String.format(Locale.ROOT, "Measured %s on %d cores (%s, Java %s), device %s; the runs are cached in `%s`.", LocalDate.now(),
                        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), Runtime.version().feature(), run.device(), work),
                String.format(Locale.ROOT, "Protocol: `%s`, leave-one-out, test split (%,d users × %,d items), full ranking, history ≤ %d, seen items kept;"
                        + " every generative row is the `%s` preset decoded by trie-constrained beam search (beam %d, top %d).", sequences,
                        board.testCases().size(), data.items().size(), board.protocol().maxHistory(), cfg.preset().label(), cfg.beam(), Leaderboard.TOP_K),
                String.format(Locale.ROOT, "Budget per trained row: at most %d epochs%s, early stopping after %d validations without a better"
                        + " validation Recall@10 (every %d epochs, %s), seed %d. Intervals: 95%% bootstrap over users (1,000 resamples);"
                        + " `*`: the paired interval excludes 0.", cfg.epochs(), cfg.maxMinutes() > 0 ? " or " + cfg.maxMinutes() + " minutes" : "",
                        cfg.patience(), cfg.evalEvery(), cfg.validationUsers() == 0 ? "all users" : cfg.validationUsers() + " users", cfg.seed()),
                "Configuration of the generative rows: `" + cfg + "`.");
        String md = report.markdown(title, preamble);
        AtomicFiles.write(out, o -> o.write(md.getBytes(StandardCharsets.UTF_8)));
        Path json = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".json");
        Json.write(json, report.json());
        Output output = run.output();
        output.detail().print(md);
        output.result().printf(Locale.ROOT, "leaderboard → %s and %s%n", out, json);
        return 0;
    }
}
