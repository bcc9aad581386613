package dev.semid.tokenizer;

import java.util.Map;

/**
 * What one epoch did: mean training loss per named part, validation reconstruction loss, per-level utilisation
 * of the codes chosen during the epoch, dead codes reset, and timing.
 */
public record EpochReport(int epoch, int epochs, Map<String, Double> lossParts, double trainLoss,
                          double validationLoss, double[] utilisation, int codesReset, double seconds,
                          double etaSeconds, boolean improved) {}
