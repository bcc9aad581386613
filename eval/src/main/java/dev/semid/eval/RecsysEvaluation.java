package dev.semid.eval;

import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.FullRankingEvaluator;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.PairedBootstrap;
import dev.semid.eval.recsys.Protocol;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.eval.recsys.Recommender;
import dev.semid.eval.recsys.SystemResult;
import dev.semid.eval.report.RecsysReport;
import dev.semid.tokenizer.io.InputException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One recommender evaluation: every system ranks every item for each user of the leave-one-out
 * split, Recall/NDCG@K are averaged over users, and each system is compared with the first by a
 * paired bootstrap over the same users. The CLI reads the files and builds the systems; this runs them.
 */
public final class RecsysEvaluation {
    /** Hears about each system as its ranking finishes (the CLI prints timings from it). */
    public interface Listener {
        void onSystem(SystemResult result, int items);

        Listener NONE = (r, items) -> {};
    }

    private final Protocol protocol;
    private final PairedBootstrap bootstrap;
    private final FullRankingEvaluator evaluator;

    /** @param threads scoring threads, or null for every core */
    public RecsysEvaluation(Protocol protocol, PairedBootstrap bootstrap, Integer threads) {
        this.protocol = protocol;
        this.bootstrap = bootstrap;
        this.evaluator = threads == null ? new FullRankingEvaluator(protocol)
                : new FullRankingEvaluator(protocol, threads, FullRankingEvaluator.DEFAULT_USERS_PER_BLOCK);
    }

    /** The users the protocol evaluates; an input error naming {@code source} when there are none. */
    public LeaveOneOutSplit.Cases cases(Interactions data, String source) {
        LeaveOneOutSplit.Cases split = LeaveOneOutSplit.cases(data, protocol.split(), protocol.maxHistory());
        if (split.cases().isEmpty()) throw new InputException(source, null, "no user has the " + LeaveOneOutSplit.MIN_ITEMS + " items the split needs");
        return split;
    }

    /** Runs {@code systems} (at least one) in order on {@code split}; the first is the bootstrap reference. */
    public RecsysReport run(String source, Interactions data, LeaveOneOutSplit.Cases split, List<Recommender> systems,
                            List<RecsysReport.Published> published, Listener listener) {
        if (systems.isEmpty()) throw new IllegalArgumentException("nothing to evaluate: no system given");
        List<EvalCase> cases = split.cases();
        int items = data.items().size();
        List<SystemResult> results = new ArrayList<>();
        for (Recommender r : systems) {
            SystemResult res = evaluator.evaluate(r, cases, items);
            results.add(res);
            listener.onSystem(res, items);
        }
        List<String> names = RankingMetrics.names(protocol.ks());
        double[][] reference = RankingMetrics.perUser(results.get(0).ranks(), protocol.ks());
        List<RecsysReport.Comparison> comparisons = new ArrayList<>();
        for (SystemResult r : results.subList(1, results.size())) {
            List<PairedBootstrap.Interval> d = bootstrap.differences(reference, RankingMetrics.perUser(r.ranks(), protocol.ks()));
            Map<String, PairedBootstrap.Interval> byName = new LinkedHashMap<>();
            for (int m = 0; m < names.size(); m++) byName.put(names.get(m), d.get(m));
            comparisons.add(new RecsysReport.Comparison(results.get(0).name(), r.name(), bootstrap.resamples(), bootstrap.confidence(), byName));
        }
        int repeated = (int) cases.stream().filter(c -> Arrays.binarySearch(c.seen(), c.target()) >= 0).count();
        return new RecsysReport(RecsysReport.KIND, source, protocol.split().name().toLowerCase(Locale.ROOT),
                protocol.maxHistory(), protocol.ks(), protocol.seen().name().toLowerCase(Locale.ROOT), data.userCount(), cases.size(),
                split.skippedUsers(), repeated, items, data.size(),
                results.stream().map(r -> new RecsysReport.SystemSummary(r.name(), r.metrics(), r.seconds(), r.users() / r.seconds())).toList(),
                published, comparisons);
    }
}
