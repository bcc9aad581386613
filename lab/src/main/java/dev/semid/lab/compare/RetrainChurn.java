package dev.semid.lab.compare;

import ai.djl.Device;
import dev.semid.eval.churn.IdChurn;
import dev.semid.tokenizer.Tokenization;
import dev.semid.tokenizer.Tokenizer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.align.ModelAlignment;
import dev.semid.tokenizer.data.EmbeddingSet;
import dev.semid.tokenizer.engine.Tokenizers;
import dev.semid.tokenizer.io.EmbeddingReader;
import dev.semid.tokenizer.model.QuantizerModel;
import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.sid.CollisionConfig;
import dev.semid.tokenizer.sid.SemanticId;
import dev.semid.tokenizer.train.GritConfig;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.TrainerSettings;
import dev.semid.tokenizer.train.Trainers;
import dev.semid.tokenizer.train.WassersteinConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a retrain does to the IDs, aligned ({@code train --align-to}) and not: for each method, a
 * retrain with another seed on the same items, and a retrain on a grown catalogue (the old model
 * trained on the first {@code grownFrom} items, the new one on all). The aligned and unaligned
 * models are one trained model, renumbered or not, so their quantization error is the same by
 * construction; churn is measured on the items both ID sets hold ({@link IdChurn}).
 */
public final class RetrainChurn {
    /**
     * @param input      embeddings of the catalogue
     * @param methods    quantizers to retrain (rqkmeans, rqvae, ...)
     * @param oldSeed    seed of the old model
     * @param newSeed    seed of the retrain
     * @param epochs     RQ-VAE-family epoch budget
     * @param grownFrom  items the old model of the grown scenario saw (the first ones); 0 skips the scenario
     */
    public record Settings(Path input, List<String> methods, long oldSeed, long newSeed, int epochs, int grownFrom, Device device,
                           TrainingListener listener) {}

    /** One row: a method, a scenario, aligned or not, the retrained model's relative error, and the churn of the old items. */
    public record Row(String method, String scenario, boolean aligned, double relativeError, IdChurn churn) {}

    private final Settings settings;

    public RetrainChurn(Settings settings) { this.settings = settings; }

    public List<Row> run(PrintStream log) {
        EmbeddingSet all = EmbeddingReader.read(settings.input(), null, 1);
        List<Row> rows = new ArrayList<>();
        for (String method : settings.methods()) {
            log.printf("%s: old model (seed %d) and retrain (seed %d) on all %,d items%n", method, settings.oldSeed(), settings.newSeed(), all.size());
            QuantizerModel old = train(method, all, settings.oldSeed());
            QuantizerModel retrained = train(method, all, settings.newSeed());
            rows.addAll(compare(method, "another seed", old, all, retrained, all));
            if (settings.grownFrom() > 0 && settings.grownFrom() < all.size()) {
                EmbeddingSet first = new EmbeddingSet(all.ids().subList(0, settings.grownFrom()), all.vectors().slice(0, settings.grownFrom()));
                log.printf("%s: old model on the first %,d items, retrain on all %,d%n", method, first.size(), all.size());
                rows.addAll(compare(method, String.format(Locale.ROOT, "catalogue grown %,d → %,d", first.size(), all.size()),
                        train(method, first, settings.oldSeed()), first, retrained, all));
            }
        }
        return rows;
    }

    private List<Row> compare(String method, String scenario, QuantizerModel old, EmbeddingSet oldItems, QuantizerModel retrained,
                              EmbeddingSet newItems) {
        QuantizerModel aligned = ModelAlignment.align(old, retrained, newItems.vectors(), settings.device()).model();
        Map<String, SemanticId> before = ids(old, oldItems).ids;
        Ids unaligned = ids(retrained, newItems), renumbered = ids(aligned, newItems);
        return List.of(new Row(method, scenario, false, unaligned.error, IdChurn.of(before, unaligned.ids)),
                new Row(method, scenario, true, renumbered.error, IdChurn.of(before, renumbered.ids)));
    }

    private record Ids(Map<String, SemanticId> ids, double error) {}

    private Ids ids(QuantizerModel m, EmbeddingSet items) {
        Tokenization.Result r;
        try (Tokenizer t = Tokenizers.open(m, settings.device())) {
            r = Tokenization.run(t, items, CollisionConfig.defaults().withMaxDedup(Math.max(CollisionConfig.DEFAULT_MAX_DEDUP, items.size())),
                    (d, n) -> {});
        }
        Map<String, SemanticId> out = HashMap.newHashMap(items.size());
        for (int i = 0; i < r.ids().size(); i++) out.put(r.ids().get(i), r.sids().get(i));
        return new Ids(out, r.metrics().relativeQuantizationError());
    }

    private QuantizerModel train(String method, EmbeddingSet items, long seed) {
        return Trainers.of(method, new Knobs(seed, settings.epochs()), settings.device(), settings.listener()).train(items.vectors());
    }

    /** Every knob at its default but the seed and the epoch budget. */
    private record Knobs(long seed, int epochs) implements TrainerSettings {
        @Override public RqKMeansConfig rqKMeans() { return RqKMeansConfig.builder().seed(seed).build(); }
        @Override public RqVaeConfig rqVae() { return RqVaeConfig.builder().epochs(epochs).seed(seed).build(); }
        @Override public WassersteinConfig wasserstein() { return WassersteinConfig.defaults(3); }
        @Override public GritConfig grit() { return GritConfig.defaults(3); }
    }

    /** The rows as a Markdown table, with the ratio of items kept aligned to kept unaligned per scenario. */
    public static String markdown(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| method | retrain | aligned | relative error | level-1 code kept | 2-level prefix kept | tuple kept | full ID kept |\n");
        sb.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row r : rows) {
            IdChurn c = r.churn();
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %.4f | %s | %s | %s | %s |%n", r.method(), r.scenario(), r.aligned() ? "**yes**" : "no",
                    r.relativeError(), pct(c.prefixKept(1)), pct(c.prefixKept(2)), pct(c.prefixKept(c.levels())), pct(1 - c.idChanged())));
        }
        sb.append("\nAligned ÷ unaligned, items keeping their level-1 code / 2-level prefix:\n\n");
        for (int i = 0; i + 1 < rows.size(); i += 2) {
            IdChurn no = rows.get(i).churn(), yes = rows.get(i + 1).churn();
            sb.append(String.format(Locale.ROOT, "- %s, %s: %s / %s%n", rows.get(i).method(), rows.get(i).scenario(),
                    ratio(yes.prefixKept(1), no.prefixKept(1)), ratio(yes.prefixKept(2), no.prefixKept(2))));
        }
        return sb.toString();
    }

    /** JSON-ready rows. */
    public static List<Map<String, Object>> json(List<Row> rows) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("method", r.method());
            m.put("scenario", r.scenario());
            m.put("aligned", r.aligned());
            m.put("relativeError", r.relativeError());
            m.put("churn", r.churn().toMap());
            out.add(m);
        }
        return out;
    }

    private static String pct(double v) { return String.format(Locale.ROOT, "%.2f %%", 100 * v); }

    private static String ratio(double a, double b) { return b == 0 ? "∞ (none kept unaligned)" : String.format(Locale.ROOT, "%.0f×", a / b); }
}
