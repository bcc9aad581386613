package dev.semid.tokenizer.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a model directory and their {@code checksums.sha256} (one {@code sha256  name}
 * line per file, as sha256sum writes it): written with the files, verified before anything is
 * parsed, so a truncated or edited file is named instead of misread.
 */
public final class ArtifactFiles {
    public static final String CHECKSUMS = "checksums.sha256";

    private ArtifactFiles() {}

    /** The checksum file's text for these files (name → content), in map order. */
    public static String checksums(Map<String, byte[]> files) {
        StringBuilder sb = new StringBuilder();
        files.forEach((name, bytes) -> sb.append(ModelFingerprint.sha256(bytes)).append("  ").append(name).append('\n'));
        return sb.toString();
    }

    /** Checks that the directory exists and that each named file matches its recorded checksum. */
    public static void verify(Path dir, List<String> names) {
        if (!Files.isDirectory(dir)) throw new ArtifactException(dir + ": model directory does not exist");
        String sums = new String(read(dir, CHECKSUMS), StandardCharsets.UTF_8);
        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : sums.split("\n")) {
            if (line.isBlank()) continue;
            String[] p = line.trim().split("\\s+", 2);
            if (p.length != 2) throw new ArtifactException(dir.resolve(CHECKSUMS) + ": malformed line '" + line + "'");
            expected.put(p[1], p[0]);
        }
        for (String f : names) {
            String want = expected.get(f);
            if (want == null) throw new ArtifactException(dir.resolve(CHECKSUMS) + ": no checksum for " + f);
            String got = ModelFingerprint.sha256(read(dir, f));
            if (!got.equals(want))
                throw new ArtifactException(dir.resolve(f) + ": corrupted or truncated (SHA-256 " + got.substring(0, 12)
                        + "… does not match the recorded " + want.substring(0, Math.min(12, want.length())) + "…)");
        }
    }

    /** A file of the model directory; a missing one means the directory is not a model of this kind. */
    public static byte[] read(Path dir, String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (NoSuchFileException e) {
            throw new ArtifactException(dir + ": not a semid model directory (missing " + name + ")");
        } catch (IOException e) {
            throw new ArtifactException(dir.resolve(name) + ": cannot read: " + e.getMessage(), e);
        }
    }
}
