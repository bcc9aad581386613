package dev.semid.cli;

import dev.semid.eval.RecsysEvaluation;
import dev.semid.eval.io.Alignment;
import dev.semid.eval.io.PredictionReader;
import dev.semid.eval.io.SequenceReader;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.ItemKnnRecommender;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.PairedBootstrap;
import dev.semid.eval.recsys.PopularityRecommender;
import dev.semid.eval.recsys.PredictionsRecommender;
import dev.semid.eval.recsys.Protocol;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.eval.recsys.Recommender;
import dev.semid.eval.recsys.SeenItems;
import dev.semid.eval.recsys.SidPrefixRecommender;
import dev.semid.eval.recsys.Split;
import dev.semid.eval.report.RecsysReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recsys", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recall@K and NDCG@K of recommenders under the leave-one-out protocol, full ranking over all items.",
                "Target: the last item (--split test) or the second-to-last (validation); history: the items before it, capped to"
                        + " --max-history; users with fewer than 3 items are skipped. Ties rank by item id (sid-prefix: by popularity, then id).",
                "Systems: --predictions files first, then --baseline ones, in order (sid-prefix: one per --sids file);"
                        + " each is compared with the first by a paired bootstrap."})
final class EvalRecsysCommand implements Callable<Integer> {
    enum Baseline { popularity, knn, sid_prefix }

    @Option(names = "--sequences", required = true, paramLabel = "FILE",
            description = "User histories: `user item_1 item_2 …` per line, oldest first (e.g. sequences.txt), or .csv `user,item,timestamp`.")
    Path sequences;
    @Option(names = "--baseline", split = ",", paramLabel = "NAME", converter = BaselineConverter.class,
            description = "Built-in systems: popularity, knn (needs --embeddings), sid-prefix (needs --sids); comma-separated.")
    List<Baseline> baselines = new ArrayList<>();
    @Option(names = "--predictions", paramLabel = "[NAME=]FILE", converter = NamedPath.Converter.class,
            description = "Another recommender's rankings: `user item_1 item_2 …` per line, best first, or .csv `user,item,rank`. Repeatable.")
    List<NamedPath> predictions = new ArrayList<>();
    @Mixin EvalDataOptions items;
    @Option(names = "--knn-query", split = ",", defaultValue = "last,mean", paramLabel = "Q",
            description = "knn query: last (the last history item) and/or mean (of the history); default ${DEFAULT-VALUE}.")
    List<String> knnQueries;
    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "test (last item) or validation (second-to-last); default ${DEFAULT-VALUE}.")
    String split;
    @Option(names = "--max-history", defaultValue = "20", paramLabel = "N", description = "History cap, most recent items (default ${DEFAULT-VALUE}).")
    int maxHistory;
    @Option(names = "--k", split = ",", defaultValue = "5,10,20", paramLabel = "K", description = "Cut-offs (default ${DEFAULT-VALUE}).")
    List<Integer> ks;
    @Option(names = "--seen", defaultValue = "keep", paramLabel = "POLICY",
            description = "Items seen before the target: keep (ranked like any other, default, as TIGER/GRID) or exclude"
                    + " (removed from the ranking; a repeated target is then a miss).")
    String seen;
    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N", description = "Paired bootstrap resamples (default ${DEFAULT-VALUE}).")
    int resamples;
    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "C", description = "Confidence of the bootstrap intervals (default ${DEFAULT-VALUE}).")
    double confidence;
    @Option(names = "--seed", defaultValue = "1", description = "Bootstrap seed (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--published", paramLabel = "NAME=METRIC:VALUE,…",
            description = "Figures from elsewhere shown for scale, e.g. 'TIGER (published)=recall@5:0.0454,ndcg@5:0.0321'. Repeatable.")
    List<String> published = new ArrayList<>();
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;
    @Option(names = "--out", required = true, paramLabel = "FILE.json", description = "Results JSON (written atomically).")
    Path out;
    @Option(names = "--quiet", description = "Print nothing but errors and the result line.")
    boolean quiet;

    static final class BaselineConverter implements CommandLine.ITypeConverter<Baseline> {
        @Override public Baseline convert(String v) {
            try {
                return Baseline.valueOf(v.strip().replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown baseline '" + v + "' (popularity, knn, sid-prefix)");
            }
        }
    }

    @Override public Integer call() throws Exception {
        Protocol protocol = new Protocol(parse(Split.class, split, "--split"), maxHistory, ks, parse(SeenItems.class, seen, "--seen"));
        PairedBootstrap bootstrap = new PairedBootstrap(resamples, confidence, seed);
        List<RecsysReport.Published> refs = published.stream().map(EvalRecsysCommand::parsePublished).toList();
        List<ItemKnnRecommender.Query> queries = knnQueries.stream().map(q -> parse(ItemKnnRecommender.Query.class, q, "--knn-query")).toList();
        if (predictions.isEmpty() && baselines.isEmpty()) throw new IllegalArgumentException("nothing to evaluate: give --baseline and/or --predictions");
        if (baselines.contains(Baseline.knn) && items.embeddings == null) throw new IllegalArgumentException("--baseline knn needs --embeddings");
        if (baselines.contains(Baseline.sid_prefix) && items.sids.isEmpty()) throw new IllegalArgumentException("--baseline sid-prefix needs --sids");

        long t0 = System.nanoTime();
        Interactions data = SequenceReader.read(sequences);
        RecsysEvaluation evaluation = new RecsysEvaluation(protocol, bootstrap, threads);
        LeaveOneOutSplit.Cases split = evaluation.cases(data, sequences.toString());
        int[] popularity = LeaveOneOutSplit.trainingCounts(data);
        say("%,d users (%,d evaluated, %,d with fewer than 3 items skipped), %,d items, %,d interactions; read in %.2f s%n",
                data.userCount(), split.cases().size(), split.skippedUsers(), data.items().size(), data.size(), (System.nanoTime() - t0) / 1e9);

        List<Recommender> systems = new ArrayList<>();
        for (NamedPath p : predictions)
            systems.add(new PredictionsRecommender(p.name(), data.items().size(), PredictionReader.read(p.path(), data)));
        for (Baseline b : baselines) {
            switch (b) {
                case popularity -> systems.add(new PopularityRecommender(popularity));
                case knn -> {
                    var m = Alignment.embeddings(items.readEmbeddings(), data.items().ids(), items.embeddings.toString());
                    for (ItemKnnRecommender.Query q : queries) systems.add(new ItemKnnRecommender(m, q));
                }
                case sid_prefix -> {
                    for (var l : items.readIdSets("sid-prefix:"))
                        systems.add(new SidPrefixRecommender(l.ids().name(), Alignment.codes(l.ids(), data.items().ids(), l.file()), popularity));
                }
            }
        }

        RecsysReport report = evaluation.run(sequences.toString(), data, split, systems, refs, (res, n) ->
                say("%-28s full ranking of %,d users × %,d items: %.2f s (%,.0f users/s)%n", res.name(), res.users(), n,
                        res.seconds(), res.users() / res.seconds()));
        Json.write(out, report);
        List<String> names = RankingMetrics.names(protocol.ks());
        Output output = new Output(System.out, quiet);
        output.detail().print(table(report, names));
        output.result().printf(Locale.ROOT, "%d systems on %,d users → %s%n", report.systems().size(), report.evaluatedUsers(), out);
        return 0;
    }

    static String table(RecsysReport r, List<String> names) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%n%s split, history ≤ %d, seen items: %s, %,d users × %,d items (full ranking)%n",
                r.split(), r.maxHistory(), r.seenItems(), r.evaluatedUsers(), r.items()));
        sb.append(String.format(Locale.ROOT, "%-28s", "system"));
        for (String n : names) sb.append(String.format(Locale.ROOT, " %10s", n));
        sb.append('\n');
        for (RecsysReport.SystemSummary s : r.systems()) sb.append(row(s.name(), s.metrics(), names));
        for (RecsysReport.Published p : r.published()) sb.append(row(p.name(), p.metrics(), names));
        for (RecsysReport.Comparison c : r.comparisons()) {
            sb.append(String.format(Locale.ROOT, "%s − %s (paired bootstrap, %d resamples, %.0f%% CI):%n", c.system(), c.reference(),
                    c.resamples(), 100 * c.confidence()));
            c.differences().forEach((m, i) -> sb.append(String.format(Locale.ROOT, "  %-10s %+.4f [%+.4f, %+.4f]%s%n", m, i.difference(),
                    i.lower(), i.upper(), i.excludesZero() ? " *" : "")));
        }
        return sb.toString();
    }

    private static String row(String name, Map<String, Double> metrics, List<String> names) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s", name));
        for (String n : names) {
            Double v = metrics.get(n);
            sb.append(v == null ? String.format(Locale.ROOT, " %10s", "–") : String.format(Locale.ROOT, " %10.4f", v));
        }
        return sb.append('\n').toString();
    }

    static RecsysReport.Published parsePublished(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("--published '" + spec + "': expected NAME=METRIC:VALUE,…");
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : spec.substring(eq + 1).split(",")) {
            String[] kv = part.strip().split(":");
            try {
                if (kv.length != 2 || !kv[0].matches("(recall|ndcg)@\\d+")) throw new NumberFormatException();
                m.put(kv[0], Double.parseDouble(kv[1]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--published '" + spec + "': '" + part + "' is not METRIC:VALUE with METRIC recall@K or ndcg@K");
            }
        }
        return new RecsysReport.Published(spec.substring(0, eq), m);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(value.strip())) return e;
        throw new IllegalArgumentException(option + " '" + value + "': expected one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private void say(String format, Object... args) {
        if (!quiet) System.err.printf(Locale.ROOT, format, args);
    }
}
