package dev.semid.lab.ablation;

import java.util.List;

/**
 * One training regime of the ablation: the codebook shape and whether the collapse heuristics
 * (k-means initialisation, dead-code reset) are on.
 *
 * @param why what the regime tests, for the report
 */
public record Regime(String name, int codes, int levels, boolean heuristics, String why) {
    public Regime {
        if (codes < 2 || levels < 1) throw new IllegalArgumentException("regime " + name + ": need K >= 2 and L >= 1");
    }

    /**
     * a and b at 3 × 256 (the TIGER shape); c at K = 1,024 and 4,096 with 2 levels: 1,024² and
     * 4,096² tuples already exceed Beauty's 12,101 items 87 and 1,386 times, and a third level would
     * only add empty combinations, while 2 levels keep a residual step to collapse in.
     */
    public static List<Regime> standard() {
        return List.of(
                new Regime("a", 256, 3, true, "heuristics on: k-means initialisation and dead-code reset, as semid trains by default"),
                new Regime("b", 256, 3, false, "heuristics off: random codebooks, no dead-code reset, the setting of both papers"),
                new Regime("c1024", 1024, 2, false, "heuristics off, K = 1,024 per level, 2 levels"),
                new Regime("c4096", 4096, 2, false, "heuristics off, K = 4,096 per level, 2 levels"));
    }

    public static Regime named(String name) {
        return standard().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown regime '" + name + "': use " + String.join(", ", standard().stream().map(Regime::name).toList())));
    }

    /** "3 × 256", as the report writes a shape. */
    public String shape() { return levels + " × " + String.format(java.util.Locale.ROOT, "%,d", codes); }
}
