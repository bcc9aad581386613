package dev.semid.genrec.model;

import ai.djl.Device;
import dev.semid.genrec.GenRecConfig;
import dev.semid.genrec.data.ItemCodes;

/** Builds the model a configuration names (fresh weights from its seed). */
public final class GenRecModels {
    private GenRecModels() {}

    /** @param codes the catalogue's IDs (generative presets; ignored by SASRec), @param items catalogue size */
    public static GenRecModel create(GenRecConfig cfg, ItemCodes codes, int items, Device device) {
        if (cfg.preset().generative() && codes == null) throw new IllegalArgumentException("preset " + cfg.preset().label() + " needs semantic IDs");
        if (codes != null && codes.items() != items) throw new IllegalArgumentException(codes.items() + " IDs for " + items + " items");
        return switch (cfg.preset()) {
            case COMPACT -> new CompactModel(cfg, codes, device);
            case TIGER -> new TigerModel(cfg, codes, device);
            case SASREC -> new SasRecModel(cfg, items, device);
        };
    }
}
