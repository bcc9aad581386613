package dev.semid.serving;

import dev.semid.serving.stream.BusyTuples;
import dev.semid.serving.stream.RecentCodeUsage;
import dev.semid.serving.stream.SlidingCounts;
import dev.semid.serving.stream.SlidingMean;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.metrics.DriftReference;
import dev.semid.tokenizer.metrics.LevelStats;
import dev.semid.tokenizer.sid.CodeTuple;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether streamed items still look like the items the model was trained on
 * ({@link DriftReference}), over the last {@code semid.drift.window} items this instance tokenized:
 * per-level utilisation and perplexity, how their code tuples collide among themselves, and their
 * mean quantization error against the training items'; and over as many IDs it handed out: the
 * share that spilled and the dedup tokens the busiest tuples have left. A crossed threshold is
 * logged once, when it is crossed, and once when it is not any more. Written by the stream
 * threads, read by the gauges and {@code GET /drift}.
 */
@Singleton
public final class DriftWatch {
    private static final Logger LOG = LoggerFactory.getLogger(DriftWatch.class);
    /** Thresholds are looked at no more often than this: each look computes every level's perplexity. */
    private static final long CHECK_NANOS = 1_000_000_000L;
    /** Tuples listed as the busiest. */
    static final int BUSIEST = 10;

    private final DriftSettings settings;
    private final DriftReference reference;
    private final RecentCodeUsage usage;
    private final SlidingCounts<CodeTuple> tuples;
    private final SlidingMean error, spills;
    private final BusyTuples busy;
    /** The alerts raised now, by what they are about, with their text. */
    private Map<String, String> alerts = Map.of();
    private long lastCheck = System.nanoTime() - CHECK_NANOS;

    @Inject
    DriftWatch(ServiceSettings settings, SemidRuntime runtime) {
        this(settings.drift(), DriftReference.of(runtime.model()), runtime.model().levels(), runtime.model().codebookSize());
    }

    DriftWatch(DriftSettings settings, DriftReference reference, int levels, int codebookSize) {
        this.settings = settings;
        this.reference = reference;
        this.usage = new RecentCodeUsage(levels, codebookSize, settings.window());
        this.tuples = new SlidingCounts<>(settings.window());
        this.error = new SlidingMean(settings.window());
        this.spills = new SlidingMean(settings.window());
        this.busy = new BusyTuples(settings.window());
        if (reference.quantizationMse() == null)
            LOG.info("the model has no drift reference (trained before semid recorded one): the quantization error drift is unknown");
    }

    /** A batch tokenized: its codes, latents z and their quantization ẑ. */
    void tokenized(int[][] codes, Matrix z, Matrix zHat) {
        int d = z.cols();
        float[] a = z.data(), b = zHat.data();
        synchronized (this) {
            for (int i = 0; i < codes.length; i++) {
                usage.add(codes[i]);
                tuples.add(CodeTuple.of(codes[i]));
                double e = 0;
                for (int j = i * d; j < (i + 1) * d; j++) e += (double) (a[j] - b[j]) * (a[j] - b[j]);
                error.add(e / d);
            }
            check(false);
        }
    }

    /** An item got a new ID in {@code tuple}, which has {@code tokensLeft} dedup tokens left; spilled: not its quantizer's tuple. */
    synchronized void assigned(CodeTuple tuple, int tokensLeft, boolean spilled) {
        busy.add(tuple, tokensLeft);
        spills.add(spilled ? 1 : 0);
        check(false);
    }

    /** Looks at the thresholds now (else at most once a second), logging what changed. */
    synchronized void check(boolean now) {
        if (!now && System.nanoTime() - lastCheck < CHECK_NANOS) return;
        lastCheck = System.nanoTime();
        Map<String, String> state = new LinkedHashMap<>(); // each figure with a threshold, as it is now
        Map<String, String> crossed = new LinkedHashMap<>();
        if (usage.items() >= settings.window()) {
            Double ratio = errorRatio();
            if (ratio != null) {
                state.put("error", String.format(Locale.ROOT, "the quantization error of the last %,d items is %.2f× the training items' "
                        + "(semid.drift.error-ratio %.2f)", usage.items(), ratio, settings.errorRatio()));
                if (ratio > settings.errorRatio()) crossed.put("error", state.get("error"));
            }
            for (Level l : levels()) {
                if (l.ratio() == null) continue;
                String key = "perplexity-" + l.level();
                state.put(key, String.format(Locale.ROOT, "level %d's code perplexity over the last %,d items is %.1f, %.0f%% of the training "
                        + "items' %.1f (semid.drift.perplexity-ratio %.2f)", l.level(), usage.items(), l.perplexity(), 100 * l.ratio(),
                        l.trainingPerplexity(), settings.perplexityRatio()));
                if (l.ratio() < settings.perplexityRatio()) crossed.put(key, state.get(key));
            }
        }
        BusyTuples.Busy b = busy.fewest();
        if (b != null) {
            state.put("tokens", String.format(Locale.ROOT, "code tuple %s, the busiest of the last %,d IDs, has %d of %d dedup tokens left "
                    + "(semid.drift.min-tokens-left %d); past the last, its items spill to other tuples", b.tuple(), busy.count(), b.tokensLeft(),
                    DriftSettings.TOKENS_PER_TUPLE, settings.minTokensLeft()));
            if (b.tokensLeft() < settings.minTokensLeft()) crossed.put("tokens", state.get("tokens"));
        }
        for (var e : crossed.entrySet()) if (!alerts.containsKey(e.getKey())) LOG.warn("drift: {}", e.getValue());
        for (String k : alerts.keySet())
            if (!crossed.containsKey(k)) LOG.info("drift over: {}", state.getOrDefault(k, "no figure for " + k + " any more"));
        alerts = crossed;
    }

    /** One level's usage over the window, and its perplexity beside the training items' (null: unknown). */
    public record Level(int level, double utilisation, double perplexity, Double trainingPerplexity, Double ratio) {}

    synchronized List<Level> levels() {
        List<Level> out = new ArrayList<>();
        List<Double> trained = reference.perplexity();
        for (LevelStats s : usage.levels()) {
            Double t = trained == null ? null : trained.get(s.level() - 1);
            out.add(new Level(s.level(), s.utilisation(), s.perplexity(), t, t == null || t == 0 ? null : s.perplexity() / t));
        }
        return out;
    }

    /** The window's mean quantization error per latent element over the training items' (null: unknown). */
    synchronized Double errorRatio() {
        Double trained = reference.quantizationMse();
        return trained == null || trained == 0 || error.count() == 0 ? null : error.mean() / trained;
    }

    synchronized double utilisation(int level) {
        List<Level> ls = levels();
        return ls.size() > level ? ls.get(level).utilisation() : 0;
    }

    synchronized double perplexity(int level) {
        List<Level> ls = levels();
        return ls.size() > level ? ls.get(level).perplexity() : Double.NaN;
    }

    synchronized double collisionRate() { return tuples.count() == 0 ? 0 : 1 - (double) tuples.distinct() / tuples.count(); }

    synchronized double spillRate() { return spills.count() == 0 ? 0 : spills.mean(); }

    synchronized int fewestTokensLeft() { return busy.fewestLeft(); }

    synchronized int items() { return usage.items(); }

    /** Thresholds crossed now (looked at again if the last look is over a second old: the stream may have gone quiet). */
    synchronized int alertCount() {
        check(false);
        return alerts.size();
    }

    /** Everything, for {@code GET /drift}; the alerts as of a look at most a second old. */
    public synchronized Map<String, Object> report() {
        check(false);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", settings.window());
        m.put("items", usage.items());
        m.put("checked", usage.items() >= settings.window());
        m.put("levels", levels());
        m.put("collisionRate", collisionRate());
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("mse", error.count() == 0 ? null : error.mean());
        err.put("trainingMse", reference.quantizationMse());
        err.put("ratio", errorRatio());
        if (reference.quantizationMse() == null) err.put("unknown", "the model has no drift reference: it was trained before semid recorded one");
        m.put("quantizationError", err);
        m.put("assigned", busy.count());
        m.put("spillRate", spillRate());
        m.put("busiest", busy.busiest(BUSIEST).stream().map(b -> Map.of("tuple", b.tuple().toString(), "tokensLeft", b.tokensLeft())).toList());
        m.put("thresholds", Map.of("errorRatio", settings.errorRatio(), "perplexityRatio", settings.perplexityRatio(),
                "minTokensLeft", settings.minTokensLeft()));
        m.put("alerts", List.copyOf(alerts.values()));
        return m;
    }
}
