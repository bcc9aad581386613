package dev.semid.tokenizer.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** fingerprint = first 16 hex digits of SHA-256(weights.bin bytes): equal weights, equal fingerprint. */
public final class ModelFingerprint {
    private ModelFingerprint() {}

    public static String of(QuantizerModel m) { return of(WeightsCodec.encode(m)); }

    public static String of(byte[] weights) { return sha256(weights).substring(0, 16); }

    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
