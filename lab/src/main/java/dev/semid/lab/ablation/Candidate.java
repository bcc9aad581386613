package dev.semid.lab.ablation;

import java.util.Locale;

/**
 * One point of a method's tuning grid: the learning rate (encoder, decoder and codebooks alike)
 * and the method's own weight — β of the commitment for RQ-VAE, γ of the W2 term for Wasserstein
 * (and Wasserstein+GRIT), λ of the radius for GRIT. RQ-KMeans has neither.
 *
 * @param radius GRIT's radius function (saturating, classic, constant, power); empty for other methods
 */
public record Candidate(String method, String radius, double learningRate, double weight) {
    public Candidate {
        radius = radius == null ? "" : radius;
    }

    /** The published or semid default of the method's own weight. */
    public static double defaultWeight(String method) {
        return switch (method) {
            case "rqvae" -> 0.25;
            case "wasserstein", "wasserstein+grit" -> 0.5;
            case "grit" -> 1.0;
            case "rqkmeans" -> 0;
            default -> throw new IllegalArgumentException("unknown method '" + method + "'");
        };
    }

    /** β, γ or λ: the knob {@link #weight()} sets. */
    public String weightName() {
        return switch (method) {
            case "rqvae" -> "β";
            case "wasserstein", "wasserstein+grit" -> "γ";
            case "grit" -> "λ";
            default -> "–";
        };
    }

    public boolean trained() { return !method.equals("rqkmeans"); }

    /** What the report calls it: the method, with GRIT's radius when it is not the default. */
    public String label() { return radius.isEmpty() || radius.equals("saturating") ? method : method + " (" + radius + ")"; }

    /** A file-name-safe key: the same candidate always maps to the same cached cell. */
    public String key() {
        String m = method.replace('+', '_') + (radius.isEmpty() ? "" : "-" + radius);
        return trained() ? String.format(Locale.ROOT, "%s-lr%s-w%s", m, number(learningRate), number(weight)) : m;
    }

    private static String number(double v) { return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+(e|$)", "$1"); }
}
