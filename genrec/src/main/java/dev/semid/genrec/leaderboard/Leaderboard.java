package dev.semid.genrec.leaderboard;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.semid.eval.recsys.EvalCase;
import dev.semid.eval.recsys.FullRankingEvaluator;
import dev.semid.eval.recsys.Interactions;
import dev.semid.eval.recsys.LeaveOneOutSplit;
import dev.semid.eval.recsys.Protocol;
import dev.semid.eval.recsys.Recommender;
import dev.semid.eval.recsys.SeenItems;
import dev.semid.eval.recsys.Split;
import dev.semid.eval.recsys.SystemResult;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.model.Recommendations;
import dev.semid.genrec.data.IdTable;
import dev.semid.genrec.data.ItemCodes;
import dev.semid.genrec.io.GenRecArtifact;
import dev.semid.genrec.train.GenRecListener;
import dev.semid.genrec.train.GenRecTrainer;
import dev.semid.genrec.train.HeldOut;
import dev.semid.tokenizer.io.AtomicFiles;
import dev.semid.tokenizer.model.ModelFingerprint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains the same recommender configuration over several ID sets (and SASRec beside them), each
 * evaluated on the test split with full ranking. Every finished row is cached in the work
 * directory ({@code NAME/result.json}, with its model in {@code NAME/model}) under a key of the
 * configuration, the ID set and the sequences, so an interrupted table resumes where it stopped
 * and rows can be added later; a row whose key changed is trained again.
 */
public final class Leaderboard {
    public static final int TOP_K = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Interactions data;
    private final List<EvalCase> test;
    private final Protocol protocol;
    private final Path work;
    private final Device device;
    private final GenRecListener listener;
    private final String dataKey;

    public Leaderboard(Interactions data, Path work, Device device, GenRecListener listener) {
        this.data = data;
        this.protocol = new Protocol(Split.TEST, Protocol.DEFAULT_MAX_HISTORY, List.of(5, 10, 20), SeenItems.KEEP);
        this.test = LeaveOneOutSplit.cases(data, Split.TEST, protocol.maxHistory()).cases();
        this.work = work;
        this.device = device;
        this.listener = listener;
        this.dataKey = dataKey(data);
    }

    public Protocol protocol() { return protocol; }
    public List<EvalCase> testCases() { return test; }

    /** A fingerprint of the sequences: users, items and every interaction in order. */
    private static String dataKey(Interactions d) {
        StringBuilder sb = new StringBuilder();
        for (int u = 0; u < d.userCount(); u++) {
            sb.append(d.users().get(u)).append(':');
            for (int i : d.sequences()[u]) sb.append(d.items().id(i)).append(',');
            sb.append('\n');
        }
        return ModelFingerprint.of(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A generative preset over an ID set (or SASRec when {@code ids} is null), trained unless cached. */
    public RowResult train(String name, GenRecConfig cfg, IdTable ids) throws IOException {
        Path dir = work.resolve(slug(name));
        String key = key(cfg, ids);
        RowResult cached = cached(dir, key);
        if (cached != null) {
            listener.onMessage(String.format(Locale.ROOT, "%s: cached (%s), test Recall@10 %.4f", name, dir, cached.metrics().get("recall@10")));
            return cached;
        }
        listener.onMessage("training " + name + " (" + cfg.preset().label() + (ids == null ? "" : ", ID set " + ids.fingerprint()) + ")");
        ItemCodes codes = ids == null ? null : ItemCodes.of(data.items().ids(), ids);
        GenRecTrainer.Result r = new GenRecTrainer(cfg, device, listener).train(data, codes);
        RowResult row;
        try (var model = r.model()) {
            GenRecArtifact.save(model, data.items().ids(), ids, r.metrics(), dir.resolve("model"));
            long t0 = System.nanoTime();
            Map<Integer, int[]> ranked = Recommendations.topK(model, data.items().ids(), data, test, TOP_K);
            double predictSeconds = (System.nanoTime() - t0) / 1e9;
            int[] ranks = new int[test.size()];
            for (int c = 0; c < ranks.length; c++) ranks[c] = HeldOut.rankOf(ranked.get(test.get(c).user()), test.get(c).target());
            row = new RowResult(name, ids == null ? "sasrec" : "generative", cfg.preset().label(), ids == null ? null : ids.fingerprint(), key,
                    dev.semid.eval.recsys.RankingMetrics.means(ranks, protocol.ks()), ranks, (Double) r.metrics().get("trainSeconds"),
                    (Integer) r.metrics().get("epochsRun"), (Integer) r.metrics().get("bestEpoch"), (Double) r.metrics().get("validationRecall@10"),
                    predictSeconds, (Long) r.metrics().get("parameters"));
        }
        byte[] json = JSON.writeValueAsBytes(row);
        AtomicFiles.write(dir.resolve("result.json"), out -> out.write(json));
        listener.onMessage(String.format(Locale.ROOT, "%s: test Recall@10 %.4f NDCG@10 %.4f", name, row.metrics().get("recall@10"), row.metrics().get("ndcg@10")));
        return row;
    }

    /** A non-trained system (popularity, item-kNN) under the same protocol, full ranking. */
    public RowResult baseline(Recommender system) {
        SystemResult r = new FullRankingEvaluator(protocol).evaluate(system, test, data.items().size());
        return new RowResult(system.name(), "baseline", null, null, null, r.metrics(), r.ranks(), 0, null, null, null, r.seconds(), null);
    }

    private String key(GenRecConfig cfg, IdTable ids) throws IOException {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("config", cfg);
        k.put("idSet", ids == null ? null : ids.fingerprint());
        k.put("sequences", dataKey);
        k.put("topK", TOP_K);
        return ModelFingerprint.of(JSON.writeValueAsBytes(k));
    }

    private static RowResult cached(Path dir, String key) {
        Path f = dir.resolve("result.json");
        if (!Files.isRegularFile(f)) return null;
        try {
            RowResult r = JSON.readValue(f.toFile(), RowResult.class);
            return key.equals(r.key()) ? r : null;
        } catch (IOException e) {
            return null; // unreadable: train again
        }
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }
}
