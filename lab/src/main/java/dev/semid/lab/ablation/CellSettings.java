package dev.semid.lab.ablation;

import dev.semid.tokenizer.quantize.RqKMeansConfig;
import dev.semid.tokenizer.train.GritConfig;
import dev.semid.tokenizer.train.RadiusFunction;
import dev.semid.tokenizer.train.RqVaeConfig;
import dev.semid.tokenizer.train.TrainerSettings;
import dev.semid.tokenizer.train.WassersteinConfig;

/**
 * The trainer settings of one cell: the regime's shape and heuristics, the candidate's learning
 * rate and weight, the seed, and the shared recipe; every other knob at its published default.
 * GRIT's power radius uses p = 0.5 (p = 1 would be the classic radius scaled by λ).
 */
record CellSettings(Regime regime, Candidate candidate, long seed, Recipe recipe) implements TrainerSettings {
    private static final double POWER = 0.5, TAU = 1.0;

    @Override public RqKMeansConfig rqKMeans() {
        return RqKMeansConfig.builder().levels(regime.levels()).codes(regime.codes()).iterations(recipe.kmeansIterations()).seed(seed).build();
    }

    @Override public RqVaeConfig rqVae() {
        RqVaeConfig.Builder b = RqVaeConfig.builder().hidden(recipe.hidden().stream().mapToInt(Integer::intValue).toArray())
                .latentDim(recipe.latentDim()).levels(regime.levels()).codes(regime.codes())
                .learningRate(candidate.learningRate()).codebookLearningRate(candidate.learningRate())
                .epochs(recipe.epochs()).patience(recipe.patience()).batchSize(recipe.batchSize())
                .kmeansInit(regime.heuristics()).deadCodeReset(regime.heuristics()).seed(seed);
        if (candidate.method().equals("rqvae")) b.beta(candidate.weight());
        return b.build();
    }

    @Override public WassersteinConfig wasserstein() {
        WassersteinConfig d = WassersteinConfig.defaults(regime.levels());
        return new WassersteinConfig(d.alpha(), d.beta(), candidate.weight(), d.levels(), d.queueSize(), d.ridge());
    }

    @Override public GritConfig grit() {
        GritConfig d = GritConfig.defaults(regime.levels());
        double lambda = candidate.method().equals("grit") ? candidate.weight() : 1.0;
        String radius = candidate.radius().isEmpty() ? "saturating" : candidate.radius();
        return new GritConfig(RadiusFunction.parse(radius, lambda, POWER, TAU), d.surrogate(), d.transform(), d.levels());
    }
}
