package dev.semid.tokenizer.quantize;

import dev.semid.tokenizer.Trainer;
import dev.semid.tokenizer.TrainingListener;
import dev.semid.tokenizer.data.Matrix;
import dev.semid.tokenizer.data.Permutation;
import dev.semid.tokenizer.model.QuantizerModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * RQ-KMeans: the encoder is the identity (optionally after standardisation); level l is a
 * k-means of r_l, and r_{l+1} = r_l − c_{l,k_l} ({@link ResidualKMeans}). Works on one residual copy of the input.
 */
public final class RqKMeansTrainer implements Trainer {
    private final RqKMeansConfig config;
    private final TrainingListener listener;

    public RqKMeansTrainer(RqKMeansConfig config, TrainingListener listener) {
        this.config = config;
        this.listener = listener;
    }

    @Override public String method() { return "rqkmeans"; }

    @Override public QuantizerModel train(Matrix all) {
        if (all.rows() < config.codes())
            throw new IllegalArgumentException(all.rows() + " items cannot fill " + config.codes() + " codes per level");
        Matrix x = all.rows() > config.sample()
                ? all.select(Permutation.sample(all.rows(), config.sample(), new SplittableRandom(config.seed())))
                : all;
        if (x != all) listener.onMessage(String.format("training on a uniform sample of %,d of %,d items", x.rows(), all.rows()));
        Standardization std = config.standardize() ? Standardization.fit(x) : null;
        // the one working copy: a drawn sample already is one, unless refinement needs it intact afterwards
        Matrix r = std != null ? std.apply(x) : x != all && config.refineRounds() == 0 ? x : x.slice(0, x.rows());
        List<Map<String, Object>> perLevel = new ArrayList<>();
        listener.onStart("rq-kmeans", config.levels());
        ResidualKMeans rkm = new ResidualKMeans(config.codes(), l -> KMeansConfig.defaults(config.seed() + l)
                .withIterations(config.iterations()).withSeeding(config.seeding()).withMiniBatch(config.miniBatch()).withCap(config.capOfLevel(l)));
        List<Matrix> books = rkm.fit(r, config.levels(), level -> {
            KMeans.Result res = level.fit();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("level", level.level() + 1);
            m.put("iterations", res.iterations());
            m.put("meanSquaredError", res.meanSquaredError());
            m.put("seconds", level.seconds());
            perLevel.add(m);
            listener.onMessage(String.format("level %d/%d: %d iterations, residual MSE %.5f, %.1f s",
                    level.level() + 1, config.levels(), res.iterations(), res.meanSquaredError(), level.seconds()));
        }, (level, it, max) -> listener.onStep(level + 1, it, max));
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("levels", perLevel);
        if (config.refineRounds() > 0) {
            long t0 = System.nanoTime();
            CodebookRefinement.Outcome o = CodebookRefinement.refine(std != null ? std.apply(x) : x, books, config.refineRounds());
            books = o.codebooks();
            double seconds = (System.nanoTime() - t0) / 1e9;
            metrics.put("refinement", Map.of("errorBefore", o.errorBefore(), "errorAfter", o.errorAfter(), "rounds", o.rounds(), "seconds", seconds));
            listener.onMessage(String.format("joint refinement: %d rounds improved the encoded error %.4g → %.4g, %.1f s",
                    o.rounds(), o.errorBefore(), o.errorAfter(), seconds));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("levels", config.levels());
        settings.put("codes", config.codes());
        settings.put("iterations", config.iterations());
        settings.put("balancedLastLevel", config.balancedLastLevel());
        settings.put("clusterCap", config.clusterCap());
        settings.put("standardize", config.standardize());
        settings.put("seed", config.seed());
        settings.put("refineRounds", config.refineRounds());
        settings.put("sample", config.sample());
        settings.put("seeding", config.seeding().resolve(x.rows(), config.codes()).label());
        settings.put("miniBatch", config.miniBatch());
        settings.put("trainedOn", x.rows());
        return new QuantizerModel(method(), all.cols(), std == null ? null : std.mean(), std == null ? null : std.scale(),
                List.of(), books, List.of(), settings, metrics);
    }
}
