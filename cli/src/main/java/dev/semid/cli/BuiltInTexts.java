package dev.semid.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small built-in product catalogue for the demo when no real one is at hand: 2,000 titles
 * drawn from a few product families (hair, nails, skin, fragrance, make-up), each with its own
 * nouns, qualities and sizes, so that items of a family share words and their embeddings
 * cluster the way a real catalogue's do. Deterministic (seed 7).
 */
final class BuiltInTexts {
    private static final String[][] FAMILIES = {
            {"shampoo", "conditioner", "hair mask", "hair oil", "dry shampoo", "curl cream", "hair spray", "detangler"},
            {"nail polish", "nail lacquer", "top coat", "base coat", "nail strengthener", "cuticle oil", "gel polish", "nail file"},
            {"moisturizer", "face serum", "night cream", "eye cream", "cleanser", "toner", "sunscreen", "face mask"},
            {"eau de parfum", "eau de toilette", "body mist", "perfume oil", "cologne", "scented lotion", "fragrance set", "roll-on perfume"},
            {"lipstick", "mascara", "eyeliner", "foundation", "concealer", "blush", "bronzer", "eyeshadow palette"}};
    private static final String[][] QUALITIES = {
            {"argan", "keratin", "sulfate-free", "volumizing", "color-safe", "anti-frizz", "moisturizing", "clarifying"},
            {"glitter", "matte", "quick-dry", "chip-resistant", "shimmer", "neon", "pastel", "metallic"},
            {"hyaluronic", "vitamin c", "retinol", "oil-free", "fragrance-free", "spf 30", "hydrating", "anti-aging"},
            {"floral", "citrus", "vanilla", "woody", "musk", "jasmine", "ocean", "amber"},
            {"long-lasting", "waterproof", "matte", "satin", "nude", "red", "smudge-proof", "full coverage"}};
    private static final String[] SIZES = {"travel size", "1 oz", "2 oz", "8 oz", "value pack", "set of 3", "mini", "refill"};

    private BuiltInTexts() {}

    /** Item ids 1..n and their titles. */
    static CatalogueEmbedding.Texts generate(int n) {
        Random r = new Random(7);
        List<String> ids = new ArrayList<>(n), texts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int f = r.nextInt(FAMILIES.length);
            String q1 = QUALITIES[f][r.nextInt(8)], q2 = QUALITIES[f][r.nextInt(8)];
            String title = q1 + (q2.equals(q1) ? "" : " " + q2) + " " + FAMILIES[f][r.nextInt(8)] + (r.nextBoolean() ? " " + SIZES[r.nextInt(8)] : "");
            ids.add(Integer.toString(i + 1));
            texts.add(title);
        }
        return new CatalogueEmbedding.Texts(ids, texts);
    }
}
