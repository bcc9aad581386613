package dev.semid.genrec.leaderboard;

import dev.semid.eval.recsys.PairedBootstrap;
import dev.semid.eval.recsys.RankingMetrics;
import dev.semid.eval.report.RecsysReport.Published;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The leaderboard as Markdown and as a JSON-ready map: every row's Recall/NDCG@5/10 with a 95 %
 * bootstrap interval (1,000 resamples of the users), its Recall@10 difference to a reference
 * row (item-kNN) by a paired bootstrap, training time and epochs; published figures beside.
 */
public final class LeaderboardReport {
    public static final List<String> METRICS = List.of("recall@5", "ndcg@5", "recall@10", "ndcg@10");
    private static final List<Integer> KS = List.of(5, 10);

    private final PairedBootstrap bootstrap = new PairedBootstrap(1000, 0.95, 1);
    private final List<RowResult> rows;
    private final List<Published> published;
    private final String reference;

    /** @param reference name of the row every other row's Recall@10 is compared with (null: none) */
    public LeaderboardReport(List<RowResult> rows, List<Published> published, String reference) {
        this.rows = List.copyOf(rows);
        this.published = List.copyOf(published);
        this.reference = reference;
    }

    private RowResult row(String name) {
        for (RowResult r : rows) if (r.name().equals(name)) return r;
        return null;
    }

    /** Intervals of each metric's mean for one row (bootstrap of the difference to an all-zero system). */
    private Map<String, PairedBootstrap.Interval> intervals(RowResult r) {
        double[][] v = RankingMetrics.perUser(r.ranks(), KS);
        List<PairedBootstrap.Interval> iv = bootstrap.differences(new double[v.length][v[0].length], v);
        Map<String, PairedBootstrap.Interval> out = new LinkedHashMap<>();
        List<String> names = RankingMetrics.names(KS);
        for (int m = 0; m < names.size(); m++) out.put(names.get(m), iv.get(m));
        return out;
    }

    private PairedBootstrap.Interval versusReference(RowResult r) {
        RowResult ref = reference == null ? null : row(reference);
        if (ref == null || ref == r) return null;
        List<String> names = RankingMetrics.names(KS);
        int m = names.indexOf("recall@10");
        return bootstrap.differences(RankingMetrics.perUser(ref.ranks(), KS), RankingMetrics.perUser(r.ranks(), KS)).get(m);
    }

    public String markdown(String title, List<String> preamble) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n");
        for (String p : preamble) sb.append(p).append("\n\n");
        sb.append("| system | ");
        for (String m : METRICS) sb.append(label(m)).append(" | ");
        sb.append(reference == null ? "" : "R@10 − " + reference + " | ").append("training | epochs (best) |\n|");
        sb.append(" --- |".repeat(METRICS.size() + (reference == null ? 3 : 4))).append('\n');
        for (RowResult r : rows) {
            Map<String, PairedBootstrap.Interval> iv = intervals(r);
            sb.append("| ").append(r.name()).append(" | ");
            for (String m : METRICS) {
                PairedBootstrap.Interval i = iv.get(m);
                sb.append(String.format(Locale.ROOT, "%.4f (%.4f–%.4f) | ", i.difference(), i.lower(), i.upper()));
            }
            if (reference != null) {
                PairedBootstrap.Interval d = versusReference(r);
                sb.append(d == null ? "– | " : String.format(Locale.ROOT, "%+.4f (%+.4f, %+.4f)%s | ", d.difference(), d.lower(), d.upper(),
                        d.excludesZero() ? " *" : ""));
            }
            sb.append(r.kind().equals("baseline") ? "–" : duration(r.trainSeconds())).append(" | ");
            sb.append(r.epochsRun() == null ? "–" : r.epochsRun() + " (" + r.bestEpoch() + ")").append(" |\n");
        }
        for (Published p : published) {
            sb.append("| *").append(p.name()).append("* | ");
            for (String m : METRICS) {
                Double v = p.metrics().get(m);
                sb.append(v == null ? "–" : String.format(Locale.ROOT, "*%.4f*", v)).append(" | ");
            }
            sb.append(reference == null ? "" : "– | ").append("– | – |\n");
        }
        return sb.toString();
    }

    /** The same content for JSON: rows with metrics, intervals, the comparison and timings (ranks left out). */
    public Map<String, Object> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (RowResult r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("kind", r.kind());
            m.put("preset", r.preset());
            m.put("idSetFingerprint", r.idSetFingerprint());
            m.put("metrics", r.metrics());
            Map<String, Object> iv = new LinkedHashMap<>();
            intervals(r).forEach((k, v) -> iv.put(k, List.of(v.lower(), v.upper())));
            m.put("intervals95", iv);
            PairedBootstrap.Interval d = versusReference(r);
            if (d != null) m.put("recall@10MinusReference", Map.of("reference", reference, "difference", d.difference(), "lower", d.lower(), "upper", d.upper()));
            m.put("trainSeconds", r.trainSeconds());
            m.put("epochsRun", r.epochsRun());
            m.put("bestEpoch", r.bestEpoch());
            m.put("validationRecall@10", r.validationRecall());
            m.put("predictSeconds", r.predictSeconds());
            m.put("parameters", r.parameters());
            out.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("rows", out);
        root.put("published", published);
        return root;
    }

    private static String label(String metric) {
        return metric.replace("recall@", "R@").replace("ndcg@", "N@");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
